import type { z } from "zod";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import type { updateQueueBody } from "../schemas/annotation";
import { requireQueue, resolveMembers } from "./queue-rows";

/** Edits a queue; `annotators` replaces the assigned set (existing judgments stay). */
export async function updateQueue(options: { project: { id: string; orgId: string }; userId: string; queueId: string; input: z.infer<typeof updateQueueBody> }) {
  const { project, queueId, input } = options;
  const before = await requireQueue({ projectId: project.id, queueId });
  const members = input.annotators ? await resolveMembers({ projectId: project.id, emails: input.annotators, field: "body.annotators" }) : null;
  await db.$transaction(async (tx) => {
    await tx.annotationQueue.update({
      where: { projectId_id: { projectId: project.id, id: queueId } },
      data: {
        name: input.name, instructions: input.instructions, judgmentsPerPair: input.judgmentsPerPair, criteria: input.criteria,
        rationale: input.rationale, leaseSeconds: input.leaseSeconds, scoreDefinitions: input.scoreDefinitions,
      },
    });
    if (members) {
      await tx.annotationQueueMember.deleteMany({ where: { projectId: project.id, queueId } });
      await tx.annotationQueueMember.createMany({ data: [...members.values()].map((m) => ({ projectId: project.id, queueId, userId: m.id })) });
    }
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, actorUserId: options.userId, action: "annotation_queue.update", resourceType: "annotation_queue", resourceId: queueId,
      before: { name: before.name, judgmentsPerPair: before.judgmentsPerPair, annotatorIds: before.annotatorIds }, after: JSON.parse(JSON.stringify(input)),
    });
  });
  return requireQueue({ projectId: project.id, queueId });
}
