import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { CreateQueueInput } from "../schemas/annotation";
import { requireQueue, resolveMembers } from "./queue-rows";

/** A new queue, its annotators assigned by email (project members of any role). */
export async function createQueue(options: { project: { id: string; orgId: string }; actor: { userId?: string; apiKeyId?: string }; input: CreateQueueInput }) {
  const { project, input } = options;
  const members = await resolveMembers({ projectId: project.id, emails: input.annotators ?? [], field: "body.annotators" });
  const taken = await db.annotationQueue.findUnique({ where: { projectId_name: { projectId: project.id, name: input.name } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", `body.name: a queue named "${input.name}" already exists`, { id: taken.id });
  const id = await db.$transaction(async (tx) => {
    const queue = await tx.annotationQueue.create({
      data: {
        projectId: project.id,
        name: input.name,
        kind: input.kind ?? "pairs",
        scoreDefinitions: input.scoreDefinitions ?? [],
        instructions: input.instructions ?? "",
        judgmentsPerPair: input.judgmentsPerPair ?? 1,
        criteria: input.criteria ?? [],
        rationale: input.rationale ?? "optional",
        createdById: options.actor.userId ?? null,
        members: { create: [...members.values()].map((m) => ({ userId: m.id })) },
      },
      select: { id: true },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, actorUserId: options.actor.userId ?? null, actorApiKey: options.actor.apiKeyId ?? null,
      action: "annotation_queue.create", resourceType: "annotation_queue", resourceId: queue.id, after: { name: input.name, judgmentsPerPair: input.judgmentsPerPair ?? 1 },
    });
    return queue.id;
  });
  return requireQueue({ projectId: project.id, queueId: id });
}
