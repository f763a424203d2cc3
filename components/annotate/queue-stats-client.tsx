"use client";
import Link from "next/link";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { useQueueStatsQuery } from "@/lib/queries/annotation/use-queue-stats-query";
import { AdjudicationList } from "./adjudication-list";
import { ExportCard } from "./export-card";
import { PairsCard } from "./pairs-card";
import { formatKappa, formatRate, prepareDurationHistogram } from "./prepare-durations";

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-xs text-zinc-500">{label}</p>
      <p className="text-lg font-semibold tabular-nums" data-testid={testId}>{value}</p>
    </div>
  );
}

/** A lead's view of one queue: agreement, annotators, judgment times, disagreements, pairs and export. */
export function QueueStatsClient({ projectId, queueId }: { projectId: string; queueId: string }) {
  const stats = useQueueStatsQuery(projectId, queueId);
  if (stats.isPending) return <Skeleton className="h-64 w-full" />;
  if (stats.isError) return <EmptyState title="Could not load statistics">{stats.error.message}</EmptyState>;
  const s = stats.data;
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div>
          <Link href={`/project/${projectId}/annotate`} className="text-xs text-indigo-600 hover:underline">← Annotation</Link>
          <h1 className="text-lg font-semibold">{s.queue.name}: statistics</h1>
        </div>
      </header>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
        <Stat label="Pairs" value={s.pairs} />
        <Stat label="Judgments" value={s.judgments} />
        <Stat label="k per pair" value={s.queue.judgmentsPerPair} />
        <Stat label="Decided" value={s.decided} />
        <Stat label="Open disagreements" value={s.disagreements} />
        <Stat label="Krippendorff's α (nominal)" value={formatKappa(s.alpha)} testId="alpha" />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title="Cohen's κ by annotator pair" description="Over the pairs both judged.">
          {s.kappa.length ? (
            <Table head={["Annotator", "Annotator", "Shared pairs", "Observed", "κ"]}>
              {s.kappa.map((k) => (
                <tr key={`${k.annotatorA}-${k.annotatorB}`} data-testid="kappa-row">
                  <Td className="max-w-44 truncate">{k.annotatorA}</Td><Td className="max-w-44 truncate">{k.annotatorB}</Td>
                  <Td className="tabular-nums">{k.sharedPairs}</Td><Td className="tabular-nums">{formatRate(k.observedAgreement)}</Td><Td className="tabular-nums font-medium">{formatKappa(k.kappa)}</Td>
                </tr>
              ))}
            </Table>
          ) : <p className="text-sm text-zinc-500">No two annotators have judged the same pair yet.</p>}
        </Card>
        <Card title="Annotators" description="Agreement with the majority of the others on each pair; accuracy on gold pairs.">
          <Table head={["Annotator", "Judgments", "With majority", "Gold accuracy", "Median time"]}>
            {s.annotators.map((a) => (
              <tr key={a.annotator} data-testid="annotator-row">
                <Td className="max-w-52 truncate">{a.annotator}</Td><Td className="tabular-nums">{a.judgments}</Td>
                <Td className="tabular-nums">{formatRate(a.agreementWithMajority)}</Td>
                <Td className="tabular-nums">{a.goldPairs ? `${formatRate(a.goldAccuracy)} of ${a.goldPairs}` : "—"}</Td>
                <Td className="tabular-nums">{a.medianMs === null ? "—" : `${(a.medianMs / 1000).toFixed(1)}s`}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
      <Card title="Judgment time" description="How long annotators spent per judgment (time on screen before submitting).">
        <ComparisonBarChart data={prepareDurationHistogram(s.durationsMs)} series={[{ key: "judgments", label: "Judgments", color: "#6366f1" }]} formatValue={(v) => String(Math.round(v))} />
      </Card>
      {s.queue.kind === "items" ? (
        <p className="text-sm text-zinc-500">A rating queue: its ratings are scores with source <code>annotation</code> on the traces (filter the explorer by score name).</p>
      ) : (
        <>
          <ExportCard projectId={projectId} queueId={queueId} />
          <Card title="Disagreements" description="Every judgment with its rationale; set the final label.">
            <AdjudicationList projectId={projectId} queueId={queueId} />
          </Card>
        </>
      )}
      <PairsCard projectId={projectId} queueId={queueId} />
    </div>
  );
}
