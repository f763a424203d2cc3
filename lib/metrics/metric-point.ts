import type { MetricPoint } from "../schemas/metrics";
import { mergeSparse, quantile, type Sketch } from "./latency-sketch";

/** Additive parts of a metric point; percentiles come from the merged sketches at the end. */
export type Accumulator = {
  count: number; errors: number; cost: number; inputTokens: number; outputTokens: number;
  thumbsUp: number; thumbsDown: number; flaggedPii: number; flaggedInjection: number; flaggedUncertainty: number;
  latency: Sketch; ttft: Sketch;
};

export type SumsRow = Omit<Accumulator, "latency" | "ttft">;

export const emptyAccumulator = (): Accumulator => ({
  count: 0, errors: 0, cost: 0, inputTokens: 0, outputTokens: 0, thumbsUp: 0, thumbsDown: 0,
  flaggedPii: 0, flaggedInjection: 0, flaggedUncertainty: 0, latency: new Map(), ttft: new Map(),
});

const SUM_FIELDS = ["count", "errors", "cost", "inputTokens", "outputTokens", "thumbsUp", "thumbsDown", "flaggedPii", "flaggedInjection", "flaggedUncertainty"] as const;

export function addSums(acc: Accumulator, row: SumsRow): void {
  for (const f of SUM_FIELDS) acc[f] += Number(row[f]);
}

export function addSketch(acc: Accumulator, which: "latency" | "ttft", buckets: number[], counts: number[]): void {
  mergeSparse(acc[which], buckets, counts);
}

export function toPoint(acc: Accumulator): MetricPoint {
  const votes = acc.thumbsUp + acc.thumbsDown;
  return {
    count: acc.count,
    errors: acc.errors,
    errorRate: acc.count ? acc.errors / acc.count : null,
    latencyP50: quantile(acc.latency, 0.5),
    latencyP95: quantile(acc.latency, 0.95),
    latencyP99: quantile(acc.latency, 0.99),
    ttftP50: quantile(acc.ttft, 0.5),
    ttftP95: quantile(acc.ttft, 0.95),
    cost: Math.round(acc.cost * 1e10) / 1e10,
    inputTokens: acc.inputTokens,
    outputTokens: acc.outputTokens,
    thumbsUp: acc.thumbsUp,
    thumbsDown: acc.thumbsDown,
    thumbsUpRate: votes ? acc.thumbsUp / votes : null,
    flaggedPii: acc.flaggedPii,
    flaggedInjection: acc.flaggedInjection,
    flaggedUncertainty: acc.flaggedUncertainty,
  };
}
