import type { RunsComparison } from "@/lib/runs/compare-runs";
import type { RunView } from "@/lib/runs/run-rows";

/** A run as the UI routes answer (dates as ISO strings over the wire). */
export type RunRow = Omit<RunView, "snapshotAt" | "createdAt" | "startedAt" | "finishedAt" | "cancelledAt"> & {
  snapshotAt: string; createdAt: string; startedAt: string | null; finishedAt: string | null; cancelledAt: string | null;
};
export type RunItemRow = {
  id: string; runId: string; position: number; itemId: string; itemVersion: number; input: unknown; expectedOutput: unknown; metadata: unknown;
  output: unknown; status: "pending" | "running" | "done" | "failed" | "judge_error"; error: string | null; attempts: number; latencyMs: number | null;
  inputTokens: number | null; outputTokens: number | null; totalTokens: number | null; cost: number | null;
  scores: Record<string, { type: string; status: string; passed: boolean; score: number | null; threshold: number; reason: string; details?: Record<string, unknown>; usage?: { calls: number; cost: number | null } }> | null;
  passed: boolean | null; traceId: string | null; startedAt: string | null; finishedAt: string | null;
};
export type StartRunInput = {
  datasetId: string; prompt?: { id: string; label?: string; version?: number }; connectionId?: string; model?: string; modelConfig?: Record<string, unknown>;
  evaluators: Array<{ type: string; [param: string]: unknown }>; minPassRate?: number; concurrency?: number;
};

/** GET …/runs/compare (dates as ISO strings over the wire). */
export type RunsComparisonResponse = Omit<RunsComparison, "runs"> & { runs: RunRow[] };

export const runKeys = {
  all: (projectId: string) => ["projects", projectId, "runs"] as const,
  list: (projectId: string, datasetId: string | null) => [...runKeys.all(projectId), "list", datasetId ?? "all"] as const,
  detail: (projectId: string, runId: string) => [...runKeys.all(projectId), "detail", runId] as const,
  items: (projectId: string, runId: string, status: string | null) => [...runKeys.all(projectId), "items", runId, status ?? "all"] as const,
  compare: (projectId: string, ids: readonly string[]) => [...runKeys.all(projectId), "compare", ids.join(",")] as const,
  counterfactual: (projectId: string, runId: string) => [...runKeys.all(projectId), "counterfactual", runId] as const,
};

/** Every run endpoint hangs off this path. */
export const runsPath = (projectId: string) => `/api/projects/${projectId}/runs`;
