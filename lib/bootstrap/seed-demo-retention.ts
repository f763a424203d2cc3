import { db } from "../db";
import { updateRetention } from "../retention/update-retention";

/**
 * How long the demo keeps its traces, so Settings → General shows a retention at work. The demo's
 * traces span the 7 days before the first start (and the online evaluations 8), so the worker's
 * pass deletes none of them for 80 days or more.
 */
export const DEMO_RETENTION_DAYS = 90;

/** Sets the demo's retention as its owner would (audited), unless one is set already. Idempotent. */
export async function seedDemoRetention(options: { projectId: string }) {
  const { projectId } = options;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true, settings: { select: { traceRetentionDays: true } } } });
  if (project.settings?.traceRetentionDays != null) return { set: false };
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  await updateRetention({ project, actor: { userId: owner.userId }, days: DEMO_RETENTION_DAYS });
  return { set: true };
}
