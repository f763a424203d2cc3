import type { MetricsQuery } from "@/lib/schemas/metrics";

/** MetricsQuery as the browser sends it: ISO strings keep query keys serialisable and stable. */
export type MetricsRequest = Omit<MetricsQuery, "from" | "to"> & { from: string; to: string };
export type RangeRequest = { from: string; to: string; limit: number };

export type FeedbackComment = { traceId: string; traceName: string | null; value: "up" | "down"; comment: string | null; createdAt: string };
export type EvalScoreSeries = {
  days: { name: string; day: string; mean: number; count: number }[];
  byPrompt: { name: string; promptName: string | null; promptVersion: number | null; mean: number; count: number }[];
  byModel?: { name: string; model: string | null; mean: number; count: number }[];
};
export type GuardrailCounts = { calls: number; blocked: number; masked: number; blockRate: number | null; maskRate: number | null };
export type GuardrailStats = {
  totals: GuardrailCounts;
  series: ({ time: string } & GuardrailCounts)[];
  byPolicy: ({ policy: string; direction: string } & GuardrailCounts)[];
  byType: { type: string; count: number }[];
};
export type TopUser = { userId: string; traces: number; cost: number; inputTokens: number; outputTokens: number; errors: number };

export const metricKeys = {
  all: (projectId: string) => ["projects", projectId, "metrics"] as const,
  series: (projectId: string, query: MetricsRequest) => [...metricKeys.all(projectId), "series", query] as const,
  feedback: (projectId: string, query: RangeRequest) => [...metricKeys.all(projectId), "feedback", query] as const,
  topUsers: (projectId: string, query: RangeRequest) => [...metricKeys.all(projectId), "top-users", query] as const,
  evalScores: (projectId: string, query: { from: string; to: string }) => [...metricKeys.all(projectId), "eval-scores", query] as const,
  guardrails: (projectId: string, query: { from: string; to: string; bucket: string }) => [...metricKeys.all(projectId), "guardrails", query] as const,
};

/** Query string for a request, leaving out unset fields so the server applies its defaults. */
export function metricsSearch(query: MetricsRequest | RangeRequest | { from: string; to: string }): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) out.set(key, value.join(","));
    } else out.set(key, String(value));
  }
  return out.toString();
}
