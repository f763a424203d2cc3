"use client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Criterion, Pick } from "@/lib/queries/annotation/keys";
import { PICK_LABEL } from "./judge-keys";

const PICKS: Array<[Pick, string]> = [["left", "1"], ["right", "2"], ["tie", "3"], ["both_bad", "4"]];

export type JudgeFormState = { pick: Pick | null; rationale: string; criteria: Record<string, number> };

/** The verdict: one of four picks, optional 1–5 ratings per criterion and side, and a rationale. */
export function JudgeForm(props: {
  state: JudgeFormState;
  onChange: (s: JudgeFormState) => void;
  criteria: Criterion[];
  rationaleRequired: boolean;
  error: string | null;
  busy: boolean;
  onSubmit: () => void;
  onSkip: () => void;
  onUndo: (() => void) | null;
}) {
  const { state, onChange } = props;
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap gap-2" role="radiogroup" aria-label="Verdict">
        {PICKS.map(([pick, key]) => (
          <button
            key={pick}
            type="button"
            role="radio"
            aria-checked={state.pick === pick}
            data-testid={`pick-${pick}`}
            onClick={() => onChange({ ...state, pick })}
            className={cn(
              "inline-flex h-9 items-center gap-2 rounded-md border px-3 text-sm",
              state.pick === pick ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 bg-white hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900",
            )}
          >
            <kbd className="font-mono text-[11px] opacity-70">{key}</kbd> {PICK_LABEL[pick]}
          </button>
        ))}
      </div>
      {props.criteria.length > 0 && (
        <div className="grid grid-cols-[auto_1fr_1fr] items-center gap-x-4 gap-y-1 text-xs">
          <span />
          <span className="text-zinc-500">Left</span>
          <span className="text-zinc-500">Right</span>
          {props.criteria.map((c) => (
            <CriterionRow key={c.name} criterion={c} values={state.criteria} onRate={(k, v) => onChange({ ...state, criteria: { ...state.criteria, [k]: v } })} />
          ))}
        </div>
      )}
      <label className="block text-xs text-zinc-500">
        Rationale {props.rationaleRequired ? <span className="text-red-600">(required)</span> : "(optional)"}
        <textarea
          data-testid="rationale"
          value={state.rationale}
          onChange={(e) => onChange({ ...state, rationale: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              props.onSubmit();
            }
            if (e.key === "Escape") (e.target as HTMLTextAreaElement).blur();
          }}
          rows={2}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          placeholder="Why? (Ctrl+Enter submits, Esc leaves the box)"
        />
      </label>
      {props.error && <p role="alert" className="text-sm text-red-600">{props.error}</p>}
      <div className="flex items-center gap-2">
        <Button onClick={props.onSubmit} disabled={props.busy || !state.pick} data-testid="submit-judgment">Submit <kbd className="font-mono text-[11px] opacity-70">Enter</kbd></Button>
        <Button variant="secondary" onClick={props.onSkip} disabled={props.busy}>Skip <kbd className="font-mono text-[11px] opacity-70">s</kbd></Button>
        <Button variant="ghost" onClick={props.onUndo ?? undefined} disabled={props.busy || !props.onUndo}>Undo last <kbd className="font-mono text-[11px] opacity-70">u</kbd></Button>
      </div>
    </div>
  );
}

function CriterionRow({ criterion, values, onRate }: { criterion: Criterion; values: Record<string, number>; onRate: (key: string, value: number) => void }) {
  return (
    <>
      <span title={criterion.description} className="font-medium">{criterion.name}</span>
      {(["left", "right"] as const).map((side) => (
        <span key={side} className="flex gap-1">
          {[1, 2, 3, 4, 5].map((v) => {
            const key = `${criterion.name}:${side}`;
            return (
              <button key={v} type="button" aria-label={`${criterion.name} ${side} ${v}`} onClick={() => onRate(key, v)}
                className={cn("h-6 w-6 rounded border text-[11px]", values[key] === v ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 dark:border-zinc-700")}>
                {v}
              </button>
            );
          })}
        </span>
      ))}
    </>
  );
}
