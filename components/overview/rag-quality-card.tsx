"use client";
import Link from "next/link";
import { useMemo } from "react";
import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { Card, EmptyState, Skeleton } from "@/components/ui/card";
import { prepareRagChart } from "@/lib/metrics/prepare-eval-scores";
import type { EvalScoreSeries } from "@/lib/queries/metrics/keys";
import { COLORS } from "./overview-charts";

const SERIES = [
  { key: "faithfulness", label: "faithfulness", color: COLORS.indigo },
  { key: "answer_relevancy", label: "answer relevancy", color: COLORS.green },
];

/** RAG quality from online evaluation: faithfulness and answer relevancy by prompt version and by model. */
export function RagQualityCard({ projectId, data, error }: { projectId: string; data: EvalScoreSeries | undefined; error?: string }) {
  const byPrompt = useMemo(() => (data ? prepareRagChart(data.byPrompt, (r) => (r.promptName ? `${r.promptName} v${r.promptVersion}` : "no prompt")) : undefined), [data]);
  const byModel = useMemo(() => (data ? prepareRagChart(data.byModel ?? [], (r) => r.model ?? "no model") : undefined), [data]);
  const format = (v: number) => v.toFixed(2);
  return (
    <div data-testid="rag-quality">
      <Card title="RAG quality" description="Faithfulness and answer relevancy of sampled RAG answers (online evaluation), by prompt version and by model">
        {error ? (
          <p className="text-sm text-red-600">{`Could not load RAG scores: ${error}`}</p>
        ) : !byPrompt || !byModel ? (
          <Skeleton className="h-[180px] w-full" />
        ) : byPrompt.data.length === 0 ? (
          <EmptyState title="No RAG scores in this range">
            <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/online-evaluations`}>Add an online faithfulness rule</Link> to score a sample of the answers that follow a retrieval.
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <div data-testid="rag-by-prompt"><h4 className="mb-1 text-xs font-medium text-zinc-500">By prompt version</h4><ComparisonBarChart data={byPrompt.data} series={SERIES} formatValue={format} /></div>
            <div data-testid="rag-by-model"><h4 className="mb-1 text-xs font-medium text-zinc-500">By model</h4><ComparisonBarChart data={byModel.data} series={SERIES} formatValue={format} /></div>
          </div>
        )}
      </Card>
    </div>
  );
}
