"use client";
import { AlertTriangle, CheckCircle2, ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { type FaithfulnessPassage, type FaithfulnessSentence, type FaithfulnessView, faithfulnessView } from "@/lib/evaluators/rag/faithfulness-view";
import type { ScoreView } from "@/lib/queries/traces/trace-detail";
import { RichText } from "./rich-text";

/** The faithfulness scores on a span that kept their evidence (an online RAG rule's), with their view. */
export function faithfulnessScores(scores: readonly ScoreView[]): { score: ScoreView; view: FaithfulnessView }[] {
  return scores.flatMap((score) => {
    const view = faithfulnessView(score.details);
    return view ? [{ score, view }] : [];
  });
}

/**
 * The answer sentence by sentence as the faithfulness evaluator checked it: unsupported
 * sentences are marked, with their statements, the verdicts' reasons and, beside them, the
 * passages that were checked (the one sharing the most words first).
 */
export function FaithfulnessPanel({ score, view }: { score: ScoreView; view: FaithfulnessView }) {
  return (
    <div data-testid="faithfulness" className="space-y-2 text-sm">
      <p className="text-xs text-zinc-500">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{score.name} {typeof score.value === "number" ? score.value.toFixed(2) : String(score.value)}</span>
        {" · "}{view.statementCount - view.unsupportedCount} of {view.statementCount} statements supported by the {view.passages.length} retrieved passage{view.passages.length === 1 ? "" : "s"}
      </p>
      <ol className="space-y-2">
        {view.sentences.map((s) => <SentenceRow key={s.index} sentence={s} passages={view.passages} />)}
      </ol>
    </div>
  );
}

function SentenceRow({ sentence, passages }: { sentence: FaithfulnessSentence; passages: FaithfulnessPassage[] }) {
  if (!sentence.unsupported) {
    return (
      <li data-testid="faithful-sentence" className="flex gap-2 px-1 text-zinc-700 dark:text-zinc-300">
        <CheckCircle2 className="mt-0.5 h-4 w-4 shrink-0 text-emerald-600" aria-label="supported" />
        <span><RichText text={sentence.text} /></span>
      </li>
    );
  }
  const unsupported = sentence.statements.filter((st) => !st.supported);
  // The passages checked, the one that overlaps the first unsupported statement most first.
  const best = unsupported.find((st) => st.bestPassage !== null)?.bestPassage ?? null;
  const ordered = best === null ? passages : [...passages.filter((p) => p.position === best), ...passages.filter((p) => p.position !== best)];
  return (
    <li data-testid="unsupported-sentence" data-sentence={sentence.index} className="grid gap-2 rounded-md border border-amber-300 bg-amber-50/60 p-2 @xl:grid-cols-2 dark:border-amber-800 dark:bg-amber-950/30">
      <div>
        <mark className="rounded bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-700 dark:text-zinc-50" data-testid="unsupported-mark"><RichText text={sentence.text} /></mark>
        <ul className="mt-1 space-y-0.5 text-xs">
          {sentence.statements.map((st, i) => (
            <li key={i} className={cn("flex gap-1", st.supported ? "text-zinc-500" : "text-amber-900 dark:text-amber-200")} data-testid={st.supported ? "supported-statement" : "unsupported-statement"}>
              {st.supported ? <CheckCircle2 className="mt-0.5 h-3 w-3 shrink-0 text-emerald-600" /> : <AlertTriangle className="mt-0.5 h-3 w-3 shrink-0" />}
              <span><span className="font-medium">{st.text}</span>{st.reason && <> — {st.reason}</>}{st.tier === "strong" && <span className="ml-1 text-zinc-400">(strong model)</span>}</span>
            </li>
          ))}
        </ul>
      </div>
      <PassagesChecked passages={ordered} best={best} />
    </li>
  );
}

function PassagesChecked({ passages, best }: { passages: FaithfulnessPassage[]; best: number | null }) {
  const [all, setAll] = useState(false);
  const shown = all ? passages : passages.slice(0, 1);
  return (
    <div data-testid="passages-checked" className="text-xs">
      <div className="mb-1 font-medium text-zinc-500">Passages checked ({passages.length})</div>
      <ol className="space-y-1">
        {shown.map((p) => (
          <li key={p.position} data-testid="checked-passage" className={cn("rounded border px-2 py-1", p.position === best ? "border-emerald-300 bg-white dark:border-emerald-800 dark:bg-zinc-900" : "border-zinc-200 bg-white/60 dark:border-zinc-800 dark:bg-zinc-900/60")}>
            <div className="mb-0.5 text-[11px] text-zinc-500">#{p.position + 1}{p.id ? ` · ${p.id}` : ""}{p.position === best ? " · closest wording" : ""}</div>
            <div className="line-clamp-6 whitespace-pre-wrap break-words"><RichText text={p.content} /></div>
          </li>
        ))}
      </ol>
      {passages.length > 1 && (
        <button type="button" className="mt-1 inline-flex items-center gap-1 text-indigo-600 hover:underline" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? <ChevronDown className="h-3.5 w-3.5" /> : <ChevronRight className="h-3.5 w-3.5" />}
          {all ? "Show only the closest" : `Show all ${passages.length} passages`}
        </button>
      )}
    </div>
  );
}
