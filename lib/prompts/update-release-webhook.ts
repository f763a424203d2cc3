import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { assertOutboundUrl } from "../security/outbound";
import { isMaskedWebhookUrl, maskWebhookUrl, webhookUrlChange } from "../security/webhook-url";
import { type Actor, auditActor, type ProjectRef } from "./prompt-rows";

const masked = (url: string | null | undefined) => (url ? maskWebhookUrl(url) : null);

/**
 * Sets (or clears, with null) the project's release webhook: every label move and every canary
 * the guard ends is POSTed there. The URL passes the same outbound guard as alert webhooks, and
 * like them is write-only once saved: answers and audit rows show it masked, and sending the
 * masked value back changes nothing.
 */
export async function updateReleaseWebhook(options: { project: ProjectRef; actor: Actor; url: string | null }) {
  const { project, actor, url } = options;
  if (url && !isMaskedWebhookUrl(url)) await assertOutboundUrl(url, "body.url");
  return db.$transaction(async (tx) => {
    const before = (await tx.projectSettings.findUnique({ where: { projectId: project.id }, select: { releaseWebhookUrl: true } }))?.releaseWebhookUrl ?? null;
    if (webhookUrlChange({ stored: before, input: url, field: "body.url" }) === "keep") return { url: masked(before) };
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, releaseWebhookUrl: url }, update: { releaseWebhookUrl: url } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor(actor),
      action: "project.release_webhook.update", resourceType: "project", resourceId: project.id,
      before: { url: masked(before) }, after: { url: masked(url), replaced: url !== null && url !== before },
    });
    return { url: masked(url) };
  });
}

export async function getReleaseWebhook(options: { projectId: string }) {
  const settings = await db.projectSettings.findUnique({ where: { projectId: options.projectId }, select: { releaseWebhookUrl: true } });
  const recent = await db.promptReleaseEvent.findMany({
    where: { projectId: options.projectId }, orderBy: { createdAt: "desc" }, take: 20,
    select: { id: true, kind: true, deliveryStatus: true, deliveryAttempts: true, lastError: true, deliveredAt: true, createdAt: true },
  });
  return { url: masked(settings?.releaseWebhookUrl), recentEvents: recent };
}
