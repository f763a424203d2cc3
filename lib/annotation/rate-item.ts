import type { z } from "zod";
import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import type { rateItemBody, ScoreDefinition } from "../schemas/annotation";
import { finishLease, lockLeasedPair } from "./lease-guard";
import { queueProgress } from "./pair-view";
import { requireJudgeAccess } from "./queue-access";

type ScoreValue = number | string | boolean;

/** One value per definition, of its type and range; 400 naming the score otherwise. */
export function checkScores(definitions: ScoreDefinition[], scores: Record<string, ScoreValue>) {
  const known = new Set(definitions.map((d) => d.name));
  for (const name of Object.keys(scores)) if (!known.has(name)) throw new AppError("INVALID", `body.scores.${name}: not a score of this queue (${[...known].join(", ")})`);
  for (const d of definitions) {
    const v = scores[d.name];
    const where = `body.scores.${d.name}`;
    if (v === undefined) throw new AppError("INVALID", `${where}: required`);
    if (d.type === "numeric" && (typeof v !== "number" || v < d.min || v > d.max)) throw new AppError("INVALID", `${where}: must be a number from ${d.min} to ${d.max}`);
    if (d.type === "categorical" && (typeof v !== "string" || !d.categories.includes(v))) throw new AppError("INVALID", `${where}: must be one of ${d.categories.join(", ")}`);
    if (d.type === "boolean" && typeof v !== "boolean") throw new AppError("INVALID", `${where}: must be true or false`);
  }
}

/** Score rows of a rating share its judgment's id, so an undo removes exactly them. */
export const scoreIdPrefix = (judgmentId: string) => `annotation-${judgmentId}-`;

/**
 * A rating of a single item: stored as the annotator's judgment (values in `criteria`) and
 * written to the item's trace as scores with source "annotation" — visible on the trace and
 * filterable in the explorer like any score.
 */
export async function rateItem(options: { projectId: string; queueId: string; userId: string; role: Role; input: z.infer<typeof rateItemBody> }) {
  const { projectId, queueId, userId, input } = options;
  const queue = await requireJudgeAccess(options);
  if (queue.kind !== "items") throw new AppError("INVALID", "This queue compares pairs: send a pick, not ratings");
  checkScores(queue.scoreDefinitions, input.scores);
  const judgment = await db.$transaction(async (tx) => {
    await lockLeasedPair(tx, { projectId, queueId, pairId: input.pairId, userId, k: queue.judgmentsPerPair });
    const pair = await tx.preferencePair.findUniqueOrThrow({ where: { projectId_id: { projectId, id: input.pairId } }, select: { traceIds: true } });
    const created = await tx.judgment.create({
      data: { projectId, queueId, pairId: input.pairId, annotatorId: userId, choice: "rated", source: "ui", durationMs: input.durationMs ?? null, rationale: input.comment?.trim() || null, criteria: input.scores },
      select: { id: true, createdAt: true },
    });
    const traceId = pair.traceIds[0];
    if (traceId) {
      await tx.score.createMany({
        data: queue.scoreDefinitions.map((d) => {
          const v = input.scores[d.name]!;
          return {
            projectId, id: `${scoreIdPrefix(created.id)}${d.name}`, traceId, name: d.name, source: "annotation", comment: input.comment?.trim() || null, createdAt: created.createdAt,
            dataType: d.type === "boolean" ? "BOOLEAN" : d.type === "numeric" ? "NUMERIC" : "CATEGORICAL",
            numberValue: typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "number" ? v : null,
            stringValue: typeof v === "string" ? v : null,
          };
        }),
      });
    }
    await finishLease(tx, { projectId, pairId: input.pairId, userId });
    return created;
  });
  return { judgment, progress: await queueProgress({ projectId, queueId, userId, k: queue.judgmentsPerPair }) };
}
