import { ThumbsDown, ThumbsUp } from "lucide-react";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/format-date";
import type { ScoreView } from "@/lib/queries/traces/trace-detail";
import { formatScoreValue } from "@/lib/format/format-score";
import { RichText } from "./rich-text";

/**
 * Scores and thumbs feedback with their comments (comments are user content: plain text only).
 * With `spans` (the trace-wide list), a score on a span names that span and selects it.
 */
export function ScoresList({ scores, empty, spans }: { scores: ScoreView[]; empty: string; spans?: { names: ReadonlyMap<string, string>; onSelect: (spanId: string) => void } }) {
  if (scores.length === 0) return <p className="text-xs text-zinc-400">{empty}</p>;
  return (
    <ul className="space-y-2" data-testid="scores-list">
      {scores.map((s) => {
        const negative = s.dataType === "BOOLEAN" && s.value === false;
        return (
          <li key={s.id} data-testid="score" className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.name}</span>
              <Badge tone={negative ? "red" : s.dataType === "BOOLEAN" ? "green" : "indigo"}>
                {s.dataType === "BOOLEAN" && (s.value ? <ThumbsUp className="mr-1 h-3 w-3" /> : <ThumbsDown className="mr-1 h-3 w-3" />)}
                {formatScoreValue(s.value, s.dataType, s.name)}
              </Badge>
              <span className="text-xs text-zinc-400">{s.source} · {formatDateTime(s.createdAt)}</span>
              {spans && s.spanId && <SpanOf spanId={s.spanId} spans={spans} />}
            </div>
            {s.comment && <p className="mt-1 text-zinc-700 dark:text-zinc-300" data-testid="score-comment"><RichText text={s.comment} /></p>}
          </li>
        );
      })}
    </ul>
  );
}

/** Which span a score belongs to: a button selecting it, or its id when the span has not arrived. */
function SpanOf({ spanId, spans }: { spanId: string; spans: { names: ReadonlyMap<string, string>; onSelect: (spanId: string) => void } }) {
  const name = spans.names.get(spanId);
  if (name === undefined) return <span className="text-xs text-zinc-400" data-testid="score-span" title="This span has not been received">on span <code className="font-mono">{spanId}</code></span>;
  return (
    <button type="button" data-testid="score-span" onClick={() => spans.onSelect(spanId)} className="text-xs text-indigo-600 hover:underline">
      on span {name}
    </button>
  );
}
