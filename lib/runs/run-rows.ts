import type { Prisma } from "../generated/prisma/client";
import type { RunEvaluator } from "./run-evaluators";
import type { RunSummary } from "./summarize-run";

/** Shared by the run services in this folder; not a service itself. */
export type Tx = Prisma.TransactionClient;

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

type RunRow = {
  id: string; datasetId: string; snapshotAt: Date; source: string; promptId: string | null; promptName: string | null; promptVersion: number | null;
  promptLabel: string | null; connectionId: string | null; model: string | null; modelConfig: unknown; evaluators: unknown; minPassRate: number;
  concurrency: number; status: string; total: number; done: number; failed: number; passedItems: number; cost: Prisma.Decimal; inputTokens: number;
  outputTokens: number; totalTokens: number; summary: unknown; passed: boolean | null; error: string | null; createdById: string | null;
  createdByApiKey: string | null; createdAt: Date; startedAt: Date | null; finishedAt: Date | null; cancelledAt: Date | null;
};

/** Live progress: done/total, failures, cost so far, and an ETA from the pace since the start. */
export function runProgress(run: RunRow, now = Date.now()) {
  const remaining = run.total - run.done;
  const elapsed = run.startedAt ? now - run.startedAt.getTime() : null;
  const etaMs = FINISHED.has(run.status) ? 0 : elapsed !== null && run.done > 0 ? Math.round((elapsed / run.done) * remaining) : null;
  return { done: run.done, total: run.total, failed: run.failed, passed: run.passedItems, cost: Number(run.cost), etaMs };
}

export function serializeRun(run: RunRow) {
  return {
    id: run.id,
    datasetId: run.datasetId,
    snapshotAt: run.snapshotAt,
    source: run.source,
    prompt: run.promptId ? { id: run.promptId, name: run.promptName, version: run.promptVersion, label: run.promptLabel } : null,
    connectionId: run.connectionId,
    model: run.model,
    modelConfig: run.modelConfig,
    evaluators: (run.evaluators as RunEvaluator[]).map((e) => ({ key: e.key, type: e.spec.type, params: e.spec.params, required: e.required, minPassRate: e.minPassRate })),
    minPassRate: run.minPassRate,
    concurrency: run.concurrency,
    status: run.status,
    progress: runProgress(run),
    usage: { inputTokens: run.inputTokens, outputTokens: run.outputTokens, totalTokens: run.totalTokens, cost: Number(run.cost) },
    summary: run.summary as RunSummary | null,
    passed: run.passed,
    error: run.error,
    createdBy: { userId: run.createdById, apiKeyId: run.createdByApiKey },
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    cancelledAt: run.cancelledAt,
  };
}
export type RunView = ReturnType<typeof serializeRun>;
