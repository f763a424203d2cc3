import "server-only";
import { db } from "../db";
import { toJsonValue } from "../json";
import { settleGateRun } from "../prompts/settle-gate-run";
import type { RunEvaluator } from "./run-evaluators";
import { type SummaryItem, summarizeRun } from "./summarize-run";
import { isRagEvaluator } from "../evaluators/registry";

/**
 * Writes the summary once no item is pending or running (or the run was cancelled and its
 * in-flight items have finished). The run row is locked, so two executors finishing together
 * write it once. A running run becomes succeeded (it ran; `passed` says whether it passed);
 * a cancelled one keeps its status and never passes. Once written, change requests gated on the
 * run are settled (lib/prompts/settle-gate-run.ts: auto-merge when approvals and the gate hold).
 */
export async function finishRun(options: { projectId: string; runId: string }): Promise<boolean> {
  const { projectId, runId } = options;
  const finished = await db.$transaction(async (tx) => {
    const [run] = await tx.$queryRaw<{ status: string; summary: unknown }[]>`select status, summary from runs where project_id = ${projectId} and id = ${runId} for update`;
    if (!run || run.status === "succeeded" || run.status === "failed" || (run.status === "cancelled" && run.summary !== null)) return false;
    const open = await tx.runItem.count({ where: { projectId, runId, status: run.status === "cancelled" ? "running" : { in: ["pending", "running"] } } });
    if (open > 0) return false;
    const row = await tx.run.findUniqueOrThrow({ where: { projectId_id: { projectId, id: runId } } });
    const items = await tx.runItem.findMany({ where: { projectId, runId }, select: { status: true, passed: true, latencyMs: true, cost: true, scores: true } });
    const evaluators = row.evaluators as unknown as RunEvaluator[];
    const { summary, passed } = summarizeRun({
      total: row.total,
      items: items.map((i) => ({ ...i, cost: i.cost === null ? null : Number(i.cost), scores: i.scores as SummaryItem["scores"] })),
      evaluators: evaluators.map((e) => ({ key: e.key, type: e.spec.type, required: e.required, minPassRate: e.minPassRate, tiered: (e.spec.type === "llm_judge" || isRagEvaluator(e.spec.type)) && (e.spec.params as { escalation?: unknown }).escalation !== undefined })),
      minPassRate: row.minPassRate,
    });
    await tx.run.update({
      where: { projectId_id: { projectId, id: runId } },
      data: { status: run.status === "cancelled" ? "cancelled" : "succeeded", summary: toJsonValue(summary), passed: run.status === "cancelled" ? false : passed, finishedAt: new Date() },
    });
    return true;
  });
  // After commit, and never failing the run: a request left unmerged here can still be merged by hand.
  if (finished) await settleGateRun({ projectId, runId }).catch((error: unknown) => console.error("[pharos] could not settle change requests gated on run", runId, (error as Error).message));
  return finished;
}
