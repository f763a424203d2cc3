import type { z } from "zod";
import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import type { submitJudgmentBody } from "../schemas/annotation";
import { queueProgress } from "./pair-view";
import { finishLease, lockLeasedPair } from "./lease-guard";
import { requireJudgeAccess } from "./queue-access";
import type { QueueRow } from "./queue-rows";
import { leftSideFor, pickToChoice } from "./screen-side";

/**
 * Rationale and criteria as the queue asks for them; 400 naming the field otherwise. Criteria
 * rate each response: keys are "<criterion>:<side>", the side A/B (import) or left/right (the
 * page, which does not know which response is A).
 */
export function checkJudgmentFields(queue: QueueRow, input: { rationale?: string; criteria?: Record<string, number> }, root = "body", sides: readonly string[] = ["A", "B"]) {
  if (queue.rationale === "required" && !input.rationale?.trim()) throw new AppError("INVALID", `${root}.rationale: this queue requires a rationale`);
  const known = new Set(queue.criteria.flatMap((c) => sides.map((side) => `${c.name}:${side}`)));
  for (const key of Object.keys(input.criteria ?? {})) {
    if (!known.has(key)) throw new AppError("INVALID", `${root}.criteria.${key}: not a criterion of this queue (${[...known].join(", ") || "it has none"})`);
  }
}

/** Criteria keyed by screen side, re-keyed by the pair's A/B. */
function criteriaInPairTerms(criteria: Record<string, number> | undefined, leftSide: "A" | "B") {
  if (!criteria) return undefined;
  const right = leftSide === "A" ? "B" : "A";
  return Object.fromEntries(Object.entries(criteria).map(([key, value]) => [key.replace(/:left$/, `:${leftSide}`).replace(/:right$/, `:${right}`), value]));
}

/**
 * Stores the annotator's verdict. The key they pressed (left/right) is turned into the pair's
 * A/B here, from the same hash that placed the responses, and the screen side is recorded.
 * Only the holder of the pair's lease may judge it; a lease that expired still counts if the
 * pair has a free slot (checked under the pair's row lock), else 409.
 */
export async function submitJudgment(options: { projectId: string; queueId: string; userId: string; role: Role; input: z.infer<typeof submitJudgmentBody> }) {
  const { projectId, queueId, userId, input } = options;
  const queue = await requireJudgeAccess(options);
  if (queue.kind === "items") throw new AppError("INVALID", "This queue rates single items: send ratings, not a pick");
  checkJudgmentFields(queue, input, "body", ["left", "right"]);
  const leftSide = leftSideFor(input.pairId, userId);
  const choice = pickToChoice(input.pick, leftSide);
  const judgment = await db.$transaction(async (tx) => {
    await lockLeasedPair(tx, { projectId, queueId, pairId: input.pairId, userId, k: queue.judgmentsPerPair });
    const created = await tx.judgment.create({
      data: {
        projectId, queueId, pairId: input.pairId, annotatorId: userId, choice, leftSide, source: "ui",
        durationMs: input.durationMs ?? null, rationale: input.rationale?.trim() || null, criteria: criteriaInPairTerms(input.criteria, leftSide),
      },
      select: { id: true, choice: true, leftSide: true, createdAt: true },
    });
    await finishLease(tx, { projectId, pairId: input.pairId, userId });
    return created;
  });
  return { judgment, progress: await queueProgress({ projectId, queueId, userId, k: queue.judgmentsPerPair }) };
}
