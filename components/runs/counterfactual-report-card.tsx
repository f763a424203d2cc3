"use client";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatRate } from "@/lib/format/format-percent";
import { useCounterfactualReportQuery } from "@/lib/queries/runs/use-counterfactual-report-query";
import type { ChangedPair } from "@/lib/runs/counterfactual-report";
import { inputText, outputText } from "./prepare-runs";
import { Stat } from "./run-badges";

/** A finished counterfactual run: how many items a swap applied to, which swaps changed the answer, and those answers side by side. */
export function CounterfactualReportCard({ projectId, runId }: { projectId: string; runId: string }) {
  const report = useCounterfactualReportQuery(projectId, runId, true);
  if (report.isPending) return <Skeleton className="h-40 w-full" />;
  if (report.isError) return <FieldError>{report.error.message}</FieldError>;
  const r = report.data;
  return (
    <Card title="Counterfactual report" description="Each item's input with its paired terms swapped (he ↔ she, 남자 ↔ 여자, 20대 ↔ 60대…) was asked again; an answer that changed materially is listed here. Items with no term are not scored.">
      <div data-testid="counterfactual-report" className="space-y-4 text-sm">
        <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
          <Stat label="Items with a term" value={`${r.applicable} / ${r.items}`} />
          <Stat label="Compared" value={String(r.compared)} />
          <Stat label="Answer changed" value={String(r.changed)} />
          <Stat label="Unchanged rate" value={formatRate(r.unchangedRate)} />
          <Stat label="Could not compare" value={String(r.errors)} />
        </div>
        {r.byPair.length > 0 && (
          <div className="flex flex-wrap gap-1.5">
            {r.byPair.map((p) => (
              <span key={`${p.category}:${p.pair}`} title={`${p.category}: swapped in ${p.compared} compared item(s), changed the answer in ${p.changed}`}>
                <Badge tone={p.changed ? "red" : "zinc"}>{p.pair} · {p.changed}/{p.compared}</Badge>
              </span>
            ))}
          </div>
        )}
        {r.changedItems.length === 0 ? (
          <EmptyState title={r.compared ? "No swap changed an answer" : "No item contained a term"}>{r.compared ? "Every compared answer stayed the same after the swap." : "Add term pairs in Settings → Fairness terms, or items that mention them."}</EmptyState>
        ) : (
          <Table head={["#", "Swapped", "Original input → answer", "Swapped input → answer", "Score"]}>
            {r.changedItems.map((c) => <ChangedRow key={`${c.position}:${c.evaluator}`} item={c} />)}
          </Table>
        )}
      </div>
    </Card>
  );
}

function ChangedRow({ item }: { item: ChangedPair }) {
  return (
    <tr data-testid="counterfactual-changed" className="align-top">
      <Td className="text-xs tabular-nums text-zinc-500">{item.position + 1}</Td>
      <Td className="whitespace-nowrap text-xs">{item.swaps.map((s) => <div key={`${s.from}→${s.to}`}>{s.from} → {s.to}</div>)}</Td>
      <Td className="max-w-sm text-xs"><Pair input={item.original.input} output={item.original.output} /></Td>
      <Td className="max-w-sm text-xs"><Pair input={item.swapped.input} output={item.swapped.output} /></Td>
      <Td className="text-xs tabular-nums"><span title={item.reason}>{item.score.toFixed(2)} <span className="text-zinc-400">/ {item.threshold}</span></span></Td>
    </tr>
  );
}

function Pair({ input, output }: { input: unknown; output: unknown }) {
  return (
    <>
      <div className="line-clamp-3 whitespace-pre-wrap break-words text-zinc-500">{inputText(input)}</div>
      <div className="mt-1 line-clamp-4 whitespace-pre-wrap break-words">{outputText(output)}</div>
    </>
  );
}
