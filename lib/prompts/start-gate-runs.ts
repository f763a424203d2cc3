import { isDeepStrictEqual } from "node:util";
import { db } from "../db";
import type { PromptChangeRequest } from "../generated/prisma/client";
import { AppError } from "../errors";
import { startRun } from "../runs/start-run";
import { startRunBody } from "../schemas/runs";
import type { Actor, ProjectRef } from "./prompt-rows";
import type { EffectivePolicy } from "./resolve-policy";

/**
 * The approval gate's runs for a change request (policy.requirePassingRun): one of the proposed
 * version over the gate's golden set now, and one of the label's current version on the SAME
 * snapshot instant, unless that version already has a succeeded run with the same evaluators and
 * model on a snapshot with the same items (no item added, edited or removed in between), which
 * is reused. Links both to the request; a refusal (dataset or connection gone) is recorded as
 * the request's gate error, which blocks the merge, rather than failing the proposal.
 */
export async function startGateRuns(options: { project: ProjectRef; actor: Actor; cr: PromptChangeRequest; policy: EffectivePolicy }): Promise<void> {
  const { project, cr, policy } = options;
  const gate = policy.runGate;
  if (!policy.requirePassingRun || !gate) return;
  const body = (version: number) => startRunBody.parse({
    ...(gate.datasetId !== undefined ? { datasetId: gate.datasetId } : { dataset: gate.dataset }),
    ...(gate.connectionId !== undefined ? { connectionId: gate.connectionId } : gate.connection !== undefined ? { connection: gate.connection } : {}),
    ...(gate.model ? { model: gate.model } : {}),
    prompt: { id: cr.promptId, version }, evaluators: gate.evaluators, minPassRate: gate.minPassRate,
  });
  const actor = { userId: options.actor.userId };
  let gateRunId: string | null = null;
  let gateBaselineRunId: string | null = null;
  let gateError: string | null = null;
  try {
    const started = await startRun({ projectId: project.id, body: body(cr.version), actor });
    gateRunId = started.id;
    if (cr.baseVersion !== null) {
      gateBaselineRunId = (await reusableBaseline({ projectId: project.id, gateRunId, baseVersion: cr.baseVersion }))
        ?? (await startRun({ projectId: project.id, body: body(cr.baseVersion), actor, at: started.snapshotAt })).id;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    gateError = error.message.replace(/^body\./, "runGate.");
  }
  await db.promptChangeRequest.update({ where: { projectId_id: { projectId: project.id, id: cr.id } }, data: { gateRunId, gateBaselineRunId, gateError } });
}

/** A succeeded run of the base version comparable with the gate run: same golden set, model and evaluators, and the same items at both instants. */
async function reusableBaseline(options: { projectId: string; gateRunId: string; baseVersion: number }): Promise<string | null> {
  const { projectId } = options;
  const run = await db.run.findUniqueOrThrow({ where: { projectId_id: { projectId, id: options.gateRunId } } });
  const candidates = await db.run.findMany({
    where: { projectId, datasetId: run.datasetId, promptId: run.promptId, promptVersion: options.baseVersion, model: run.model, status: "succeeded" },
    orderBy: { createdAt: "desc" }, take: 20,
  });
  for (const c of candidates) {
    if (!isDeepStrictEqual(c.evaluators, run.evaluators)) continue;
    const [from, to] = c.snapshotAt < run.snapshotAt ? [c.snapshotAt, run.snapshotAt] : [run.snapshotAt, c.snapshotAt];
    const [changed] = await db.$queryRaw<{ n: number }[]>`
      select count(*)::int as n from dataset_items where project_id = ${projectId} and dataset_id = ${run.datasetId}
        and ((valid_from > ${from} and valid_from <= ${to}) or (valid_to > ${from} and valid_to <= ${to}))`;
    if (changed!.n === 0) return c.id;
  }
  return null;
}
