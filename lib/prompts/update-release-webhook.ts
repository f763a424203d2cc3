import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { assertOutboundUrl } from "../security/outbound";
import { type Actor, auditActor, type ProjectRef } from "./prompt-rows";

/**
 * Sets (or clears, with null) the project's release webhook: every label move and every canary
 * the guard ends is POSTed there. The URL passes the same outbound guard as alert webhooks.
 */
export async function updateReleaseWebhook(options: { project: ProjectRef; actor: Actor; url: string | null }) {
  const { project, actor, url } = options;
  if (url) await assertOutboundUrl(url, "body.url");
  return db.$transaction(async (tx) => {
    const before = await tx.projectSettings.findUnique({ where: { projectId: project.id }, select: { releaseWebhookUrl: true } });
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, releaseWebhookUrl: url }, update: { releaseWebhookUrl: url } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "project.release_webhook.update", resourceType: "project", resourceId: project.id,
      before: { url: before?.releaseWebhookUrl ?? null }, after: { url },
    });
    return { url };
  });
}

export async function getReleaseWebhook(options: { projectId: string }) {
  const settings = await db.projectSettings.findUnique({ where: { projectId: options.projectId }, select: { releaseWebhookUrl: true } });
  const recent = await db.promptReleaseEvent.findMany({
    where: { projectId: options.projectId }, orderBy: { createdAt: "desc" }, take: 20,
    select: { id: true, kind: true, deliveryStatus: true, deliveryAttempts: true, lastError: true, deliveredAt: true, createdAt: true },
  });
  return { url: settings?.releaseWebhookUrl ?? null, recentEvents: recent };
}
