"use client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ScoreDefinition } from "@/lib/queries/annotation/keys";

export type RatingState = { scores: Record<string, number | string | boolean>; comment: string };

/** A single item's rating: one input per score definition (numeric range, category, yes/no) and a comment. */
export function RatingForm(props: { definitions: ScoreDefinition[]; state: RatingState; onChange: (s: RatingState) => void; error: string | null; busy: boolean; onSubmit: () => void; onSkip: () => void; onUndo: (() => void) | null }) {
  const { state, onChange } = props;
  const set = (name: string, value: number | string | boolean) => onChange({ ...state, scores: { ...state.scores, [name]: value } });
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      {props.definitions.map((d) => (
        <div key={d.name} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`score-${d.name}`}>
          <span className="w-32 font-medium">{d.name}</span>
          {d.type === "numeric" ? (
            <input type="number" min={d.min} max={d.max} aria-label={d.name} value={typeof state.scores[d.name] === "number" ? String(state.scores[d.name]) : ""}
              onChange={(e) => e.target.value !== "" && set(d.name, Number(e.target.value))}
              className="h-8 w-24 rounded-md border border-zinc-300 px-2 dark:border-zinc-700 dark:bg-zinc-950" placeholder={`${d.min}–${d.max}`} />
          ) : (
            (d.type === "boolean" ? [true, false] : d.categories).map((v) => (
              <button key={String(v)} type="button" onClick={() => set(d.name, v)}
                className={cn("h-8 rounded-md border px-3", state.scores[d.name] === v ? "border-indigo-600 bg-indigo-600 text-white" : "border-zinc-300 dark:border-zinc-700")}>
                {v === true ? "yes" : v === false ? "no" : v}
              </button>
            ))
          )}
        </div>
      ))}
      <label className="block text-xs text-zinc-500">
        Comment (optional)
        <textarea value={state.comment} rows={2} onChange={(e) => onChange({ ...state, comment: e.target.value })}
          onKeyDown={(e) => { if (e.key === "Escape") (e.target as HTMLTextAreaElement).blur(); }}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
      </label>
      {props.error && <p role="alert" className="text-sm text-red-600">{props.error}</p>}
      <div className="flex items-center gap-2">
        <Button onClick={props.onSubmit} disabled={props.busy}>Submit <kbd className="font-mono text-[11px] opacity-70">Enter</kbd></Button>
        <Button variant="secondary" onClick={props.onSkip} disabled={props.busy}>Skip <kbd className="font-mono text-[11px] opacity-70">s</kbd></Button>
        <Button variant="ghost" onClick={props.onUndo ?? undefined} disabled={props.busy || !props.onUndo}>Undo last <kbd className="font-mono text-[11px] opacity-70">u</kbd></Button>
      </div>
    </div>
  );
}
