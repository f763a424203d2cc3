import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { executeRunItem } from "./execute-run-item";
import { finishRun } from "./finish-run";
import { completionBatcher } from "./completion-batcher";
import { claimNextItem, renewLeases, requeueExpired } from "./item-claims";
import { type CallLimits, loadRunContext } from "./run-context";

export const DEFAULT_LEASE_MS = 120_000;

/**
 * The run job (one pg-boss job per run). Starts `concurrency` slots that each claim the next
 * pending item (skip locked, under a lease renewed while its call is in flight), execute it and
 * complete it only while still holding the claim. Re-queues items whose lease lapsed (a killed
 * worker), waits for items another executor holds, and writes the summary when nothing is
 * left. Safe to run twice at once for the same run: claims are exclusive.
 *
 * `kill` simulates the process dying (tests): in-flight calls are aborted and nothing more is
 * written. Cancelling a run is not this: it stops new claims and lets in-flight items finish.
 */
export async function executeRun(options: { projectId: string; runId: string; kill?: AbortSignal; leaseMs?: number; pollMs?: number; limits?: CallLimits; onItem?: () => void }) {
  const { projectId, runId, kill } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? Math.min(1000, leaseMs / 4);
  const token = randomUUID();
  await db.run.updateMany({ where: { projectId, id: runId, status: "queued" }, data: { status: "running", startedAt: new Date() } });
  const run = await db.run.findUnique({ where: { projectId_id: { projectId, id: runId } }, select: { status: true, concurrency: true } });
  if (!run) return { status: "missing" as const };
  if (run.status !== "running") {
    if (run.status === "cancelled") await finishRun({ projectId, runId });
    return { status: run.status };
  }
  let ctx;
  try {
    ctx = await loadRunContext({ projectId, runId, limits: options.limits });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await db.run.updateMany({ where: { projectId, id: runId, status: "running" }, data: { status: "failed", error: error.message, finishedAt: new Date(), passed: false } });
    return { status: "failed" as const };
  }
  const heartbeat = setInterval(() => void renewLeases({ projectId, runId, token, leaseMs }).catch(() => undefined), Math.max(50, leaseMs / 3));
  try {
    for (;;) {
      await requeueExpired({ projectId, runId });
      const completer = completionBatcher({ projectId, runId, token, kill, onItem: options.onItem });
      const slot = async () => {
        while (!kill?.aborted) {
          // Hand-overs waiting on slow writes are bounded: a slot waits for room before calling again.
          while (completer.backlog > run.concurrency * 4) await completer.room();
          const item = await claimNextItem({ projectId, runId, token, leaseMs });
          if (!item) return;
          const outcome = await executeRunItem({ ctx, item, kill });
          if (!outcome || kill?.aborted) return;
          completer.add(item.id, outcome);
        }
      };
      await Promise.all(Array.from({ length: run.concurrency }, slot));
      await completer.drain();
      if (kill?.aborted) return { status: "killed" as const };
      if (await finishRun({ projectId, runId })) break;
      const state = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId, id: runId } }, select: { status: true, summary: true } });
      if (state.status !== "running" && state.status !== "cancelled") break;
      if (state.status === "cancelled" && state.summary !== null) break;
      // Items held by another executor (or a dead one whose lease has not lapsed yet): wait, then look again.
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    clearInterval(heartbeat);
  }
  const done = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId, id: runId } }, select: { status: true } });
  return { status: done.status };
}
