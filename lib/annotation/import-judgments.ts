import type { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { importJudgmentsBody } from "../schemas/annotation";
import { checkJudgmentFields } from "./submit-judgment";
import { requireQueue, resolveMembers } from "./queue-rows";

/**
 * Labels made elsewhere, by project members named by email. All checked before any is stored
 * (a bad one answers 400 naming its index); a repeat of (pair, annotator) replaces the earlier
 * verdict, so re-sending a file is harmless. Imported judgments have no screen side.
 */
export async function importJudgments(options: { projectId: string; queueId: string; judgments: z.infer<typeof importJudgmentsBody>["judgments"] }) {
  const { projectId, queueId, judgments } = options;
  const queue = await requireQueue({ projectId, queueId });
  if (queue.kind === "items") throw new AppError("INVALID", "This queue rates single items; import ratings as scores through /api/public/ingest");
  const members = await resolveMembers({ projectId, emails: judgments.map((j) => j.annotator), field: "body.judgments" });
  const pairIds = [...new Set(judgments.map((j) => j.pairId))];
  const found = new Set((await db.preferencePair.findMany({ where: { projectId, queueId, id: { in: pairIds } }, select: { id: true } })).map((p) => p.id));
  judgments.forEach((j, i) => {
    if (!found.has(j.pairId)) throw new AppError("INVALID", `body.judgments.${i}.pairId: no pair ${j.pairId} in this queue`);
    checkJudgmentFields(queue, j, `body.judgments.${i}`);
  });
  const seen = new Set<string>();
  judgments.forEach((j, i) => {
    const key = `${j.pairId}\u0000${j.annotator.toLowerCase()}`;
    if (seen.has(key)) throw new AppError("INVALID", `body.judgments.${i}: a second judgment of pair ${j.pairId} by ${j.annotator} in one request`);
    seen.add(key);
  });
  const ids = await db.$transaction(
    async (tx) => {
      const out: string[] = [];
      for (const j of judgments) {
        const annotatorId = members.get(j.annotator.toLowerCase())!.id;
        const existing = await tx.judgment.findUnique({ where: { projectId_pairId_annotatorId: { projectId, pairId: j.pairId, annotatorId } }, select: { id: true } });
        const data = { choice: j.choice, rationale: j.rationale ?? null, criteria: j.criteria ?? undefined, source: "import", leftSide: null, durationMs: null };
        if (existing) {
          await tx.judgment.update({ where: { projectId_id: { projectId, id: existing.id } }, data });
          out.push(existing.id);
        } else {
          const row = await tx.judgment.create({ data: { projectId, queueId, pairId: j.pairId, annotatorId, ...data }, select: { id: true } });
          await tx.preferencePair.update({ where: { projectId_id: { projectId, id: j.pairId } }, data: { judgmentCount: { increment: 1 } } });
          // Their own lease (if any) is finished: the pair must not come back to them.
          await tx.annotationLease.upsert({
            where: { projectId_pairId_userId: { projectId, pairId: j.pairId, userId: annotatorId } },
            create: { projectId, pairId: j.pairId, userId: annotatorId, queueId, state: "done", expiresAt: new Date() },
            update: { state: "done" },
          });
          out.push(row.id);
        }
      }
      return out;
    },
    { timeout: 60_000 },
  );
  return { judgmentIds: ids };
}
