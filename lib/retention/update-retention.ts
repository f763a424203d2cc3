import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { getRetention } from "./get-retention";

/**
 * Sets how long the project keeps traces (null: forever), with an audit row of before and after.
 * Nothing is deleted here: the worker's next hourly pass applies it (lib/retention/apply-retention.ts).
 */
export async function updateRetention(options: {
  project: { id: string; orgId: string };
  actor: { userId?: string | null; apiKeyId?: string | null };
  days: number | null;
}) {
  const { project, days } = options;
  await db.$transaction(async (tx) => {
    const before = await tx.projectSettings.findUnique({ where: { projectId: project.id }, select: { traceRetentionDays: true } });
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, traceRetentionDays: days }, update: { traceRetentionDays: days } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actor.userId ?? null,
      actorApiKey: options.actor.apiKeyId ?? null,
      action: "project.retention.update",
      resourceType: "project",
      resourceId: project.id,
      before: { days: before?.traceRetentionDays ?? null },
      after: { days },
    });
  });
  return getRetention({ projectId: project.id });
}
