import "server-only";
import { randomUUID } from "node:crypto";
import { pinCounterfactualTerms } from "../counterfactual/pin-counterfactual-terms";
import { db } from "../db";
import { AppError } from "../errors";
import { QUEUES } from "../jobs/boss";
import { sendJob } from "../jobs/send-job";
import { toJsonValue } from "../json";
import type { StartRunBody } from "../schemas/runs";
import { resolveRunPrompt } from "./resolve-run-prompt";
import { checkRunEmbedders } from "./check-run-embedders";
import { isRagEvaluator } from "../evaluators/registry";
import { checkRunnableEvaluators, parseRunEvaluators } from "./run-evaluators";

type SnapshotItem = { itemId: string; version: number; input: unknown; expectedOutput: unknown; metadata: unknown; contexts: unknown };

/** pg-boss send options for a run: a long expiry (a run can take hours) and retries after a crash. */
export const RUN_JOB_OPTIONS = { expireInSeconds: 6 * 3600, retryLimit: 5, retryDelay: 10 } as const;

/**
 * Validates a run, pins the golden-set snapshot at the start instant and materialises one
 * RunItem per item of that snapshot, in one transaction; then enqueues the run's job. Every
 * refusal is a 400 naming the field. The worker (execute-run.ts) does the rest.
 */
export async function startRun(options: {
  projectId: string; body: StartRunBody; actor: { userId?: string | null; apiKeyId?: string | null }; enqueue?: boolean;
  /** Pin this instant instead of now: a prompt gate runs the current version on the proposed version's snapshot. */
  at?: Date;
}) {
  const { projectId, body } = options;
  const dataset = body.datasetId !== undefined
    ? await db.dataset.findUnique({ where: { projectId_id: { projectId, id: body.datasetId } } })
    : await db.dataset.findUnique({ where: { projectId_name: { projectId, name: body.dataset ?? "" } } });
  if (!dataset) throw new AppError("INVALID", body.datasetId !== undefined ? `body.datasetId: dataset ${body.datasetId} not found` : `body.dataset: dataset "${body.dataset}" not found`);
  const evaluators = parseRunEvaluators(body.evaluators);

  const resolved = body.prompt ? await resolveRunPrompt({ projectId, prompt: body.prompt }) : null;
  // Supplied outputs are scored, never generated, even when they name the prompt version that produced them.
  const calls = resolved !== null && body.outputs === undefined;
  checkRunnableEvaluators(evaluators, { source: calls ? "prompt" : "outputs" });
  const needsConnection = calls || evaluators.some((e) => e.spec.type === "llm_judge" || isRagEvaluator(e.spec.type));
  const connection = await resolveConnection(projectId, body, needsConnection);
  const versionConfig = (resolved?.version.config ?? {}) as Record<string, unknown>;
  const model = body.model ?? (typeof versionConfig.model === "string" ? versionConfig.model : undefined) ?? connection?.models[0];
  if (needsConnection && !model) throw new AppError("INVALID", "body.model: required (the prompt version's config names no model and the connection lists none)");
  await checkRunEmbedders({ projectId, evaluators });
  const runEvaluators = await pinCounterfactualTerms({ projectId, evaluators, promptRun: calls });

  const run = await db.$transaction(async (tx) => {
    // The start instant, at the millisecond precision item versions are closed at (lib/datasets/README.md).
    const at = options.at ?? (await tx.$queryRaw<{ at: Date }[]>`select date_trunc('milliseconds', clock_timestamp()) as at`)[0]!.at;
    const items = await tx.$queryRaw<SnapshotItem[]>`
      select item_id as "itemId", version, input, expected_output as "expectedOutput", metadata, contexts from dataset_items
      where project_id = ${projectId} and dataset_id = ${dataset.id} and valid_from <= ${at} and (valid_to is null or valid_to > ${at})
      order by item_id`;
    const supplied = suppliedOutputs(body.outputs, new Set(items.map((i) => i.itemId)));
    const id = randomUUID();
    const created = await tx.run.create({
      data: {
        projectId, id, datasetId: dataset.id, snapshotAt: at, source: calls ? "prompt" : "outputs",
        promptId: resolved?.prompt.id ?? null, promptName: resolved?.prompt.name ?? null, promptVersion: resolved?.version.version ?? null, promptLabel: resolved?.label ?? null,
        connectionId: connection?.id ?? null, model: model ?? null, modelConfig: toJsonValue(body.modelConfig ?? {}), evaluators: toJsonValue(runEvaluators),
        minPassRate: body.minPassRate, concurrency: body.concurrency, total: items.length,
        createdById: options.actor.userId ?? null, createdByApiKey: options.actor.apiKeyId ?? null,
      },
    });
    await tx.runItem.createMany({
      data: items.map((item, position) => ({
        projectId, id: randomUUID(), runId: id, position, itemId: item.itemId, itemVersion: item.version,
        input: toJsonValue(item.input), expectedOutput: item.expectedOutput === null ? undefined : toJsonValue(item.expectedOutput),
        metadata: item.metadata === null ? undefined : toJsonValue(item.metadata),
        contexts: item.contexts === null ? undefined : toJsonValue(item.contexts),
        output: supplied?.has(item.itemId) ? toJsonValue(supplied.get(item.itemId)) : undefined,
      })),
    });
    return created;
  });
  if (options.enqueue !== false) await sendJob(QUEUES.executeRun, { projectId, runId: run.id }, RUN_JOB_OPTIONS);
  return { id: run.id, snapshotAt: run.snapshotAt, total: run.total };
}

async function resolveConnection(projectId: string, body: StartRunBody, needed: boolean) {
  const select = { id: true, name: true, models: true } as const;
  if (body.connectionId !== undefined) {
    const row = await db.llmConnection.findFirst({ where: { projectId, id: body.connectionId }, select });
    if (!row) throw new AppError("INVALID", `body.connectionId: LLM connection ${body.connectionId} not found`);
    return row;
  }
  if (body.connection !== undefined) {
    const row = await db.llmConnection.findFirst({ where: { projectId, name: body.connection }, select });
    if (!row) throw new AppError("INVALID", `body.connection: LLM connection "${body.connection}" not found`);
    return row;
  }
  if (!needed) return null;
  // A project with a single connection needs no name.
  const rows = await db.llmConnection.findMany({ where: { projectId }, select, take: 2 });
  if (rows.length !== 1) throw new AppError("INVALID", "body.connection: required (name the LLM connection to call)");
  return rows[0]!;
}

/** itemId → output; every itemId must be in the snapshot, once. */
function suppliedOutputs(outputs: StartRunBody["outputs"], snapshot: Set<string>): Map<string, unknown> | null {
  if (!outputs) return null;
  const map = new Map<string, unknown>();
  outputs.forEach((o, i) => {
    if (!snapshot.has(o.itemId)) throw new AppError("INVALID", `body.outputs.${i}.itemId: not in the dataset snapshot`);
    if (map.has(o.itemId)) throw new AppError("INVALID", `body.outputs.${i}.itemId: given twice`);
    map.set(o.itemId, o.output);
  });
  return map;
}
