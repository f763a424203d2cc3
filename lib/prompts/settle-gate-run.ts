import { db } from "../db";
import { evaluateChangeRequest, lockChangeRequest } from "./change-request-rows";
import { mergeLocked } from "./merge-locked";
import { requirePrompt, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents } from "./release-events";

/**
 * Called when a run finishes (lib/runs/finish-run.ts): every open change request gated on it
 * is evaluated again and, when its policy says autoMerge and approvals and the gate now hold,
 * merged through mergeLocked, the one merge path (locks, re-checks, moves the label once).
 * Returns the ids of the requests it merged.
 */
export async function settleGateRun(options: { projectId: string; runId: string }): Promise<string[]> {
  const { projectId, runId } = options;
  const open = await db.promptChangeRequest.findMany({ where: { projectId, status: "open", OR: [{ gateRunId: runId }, { gateBaselineRunId: runId }] }, select: { id: true, promptId: true } });
  if (!open.length) return [];
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  const merged: string[] = [];
  for (const { id, promptId } of open) {
    const prompt = await requirePrompt({ projectId, promptId });
    const move = await db.$transaction(async (tx) => {
      const cr = await lockChangeRequest(tx, { projectId, promptId, changeRequestId: id });
      if (cr.status !== "open") return null;
      const evaluation = await evaluateChangeRequest(tx, project, cr);
      if (!evaluation.policy.autoMerge || evaluation.stale || !evaluation.status.satisfied) return null;
      return mergeLocked(tx, { project, actor: { userId: null }, cr, promptName: prompt.name, automatic: true });
    }, TX_OPTIONS);
    if (move) {
      merged.push(id);
      await dispatchReleaseEvents(projectId, [move.releaseEventId]);
    }
  }
  return merged;
}
