import { Badge } from "@/components/ui/card";
import { formatCost } from "@/lib/format/format-cost";
import type { RunItemRow } from "@/lib/queries/runs/keys";
import { consistencyView, tieredView } from "./prepare-item-details";

/** An item's expanded view: which judge tier decided and why, and the self-consistency samples side by side. */
export function RunItemDetails({ item }: { item: RunItemRow }) {
  return (
    <div data-testid="run-item-details" className="space-y-3 text-xs">
      {Object.entries(item.scores ?? {}).map(([key, s]) => {
        const tiered = tieredView(s.details);
        const consistency = consistencyView(s.details);
        if (!tiered && !consistency) return null;
        return (
          <section key={key} className="space-y-1">
            <div className="flex items-center gap-2">
              <span className="font-mono font-medium">{key}</span>
              {consistency && (consistency.flagged ? <Badge tone="amber">flagged: samples disagree</Badge> : <Badge tone="green">consistent</Badge>)}
              {tiered && <Badge tone={tiered.escalated ? "indigo" : "zinc"}>{tiered.escalated ? `escalated → ${tiered.strong?.model ?? "strong"}` : `decided by ${tiered.cheap.model}`}</Badge>}
              <span className="text-zinc-500">{s.reason}</span>
            </div>
            {tiered && (
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-0.5">
                <dt className="text-zinc-500">Cheap judge</dt>
                <dd>{tiered.cheap.model}: {tiered.cheap.scores.length ? tiered.cheap.scores.join(", ") : "no verdict"} · {tiered.cheap.usage.calls} call{tiered.cheap.usage.calls === 1 ? "" : "s"}, {formatCost(tiered.cheap.usage.cost)}</dd>
                {tiered.why && <><dt className="text-zinc-500">Escalated because</dt><dd>{tiered.why}</dd></>}
                {tiered.strong && <><dt className="text-zinc-500">Strong judge</dt><dd>{tiered.strong.model}: {tiered.strong.score ?? "no verdict"} · {tiered.strong.usage.calls} call{tiered.strong.usage.calls === 1 ? "" : "s"}, {formatCost(tiered.strong.usage.cost)}</dd></>}
                <dt className="text-zinc-500">Strong-only estimate</dt>
                <dd>{formatCost(tiered.strongOnlyCost)}</dd>
              </dl>
            )}
            {consistency && (
              <>
                <p className="text-zinc-500">Agreement by {consistency.similarity}{consistency.minPair === null ? "" : `, least similar pair ${consistency.minPair.toFixed(3)}`}. Sample 1 is the item&apos;s output.</p>
                <ol data-testid="consistency-samples" className="grid gap-1 md:grid-cols-2">
                  {consistency.samples.map((text, i) => (
                    <li key={i} className="rounded border border-zinc-200 p-1.5 dark:border-zinc-800">
                      <div className="text-[10px] uppercase tracking-wide text-zinc-400">Sample {i + 1}</div>
                      <div className="line-clamp-6 whitespace-pre-wrap break-words">{text || <span className="text-zinc-400">(empty)</span>}</div>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
