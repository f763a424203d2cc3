import { alertRuleAuditSnapshot } from "../alerts/alert-rule-view";
import { evaluateAlerts } from "../alerts/evaluate-alerts";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue as asJson } from "../json";

/** A Slack-shaped placeholder: the demo's rules are muted, so nothing is ever posted to it. */
export const DEMO_WEBHOOK_URL = "https://hooks.slack.com/services/T0DEMO000/B0DEMO000/pharosDemoPlaceholder0000";
/** Muted for a century: replace the webhook, then unmute. */
const MUTED_YEARS = 100;
const REPLAY_STEP_MS = 3_600_000;

export const DEMO_ALERT_RULES = [
  { name: "Slow answers in production", measure: "latency_p95", threshold: 10_000, windowMinutes: 360, cooldownMinutes: 120, filters: { environment: "production" } },
  { name: "Thumbs-down rate above 30 % (day)", measure: "thumbs_down_rate", threshold: 0.3, windowMinutes: 1440, cooldownMinutes: 240, filters: {} },
] as const;

/**
 * The demo's alert rules, created by its owner (audited) with a placeholder webhook and muted,
 * then the worker's evaluation replayed hour by hour over the seeded week, so the alerts page shows
 * rules with their last value and a history of firing and recovery (recorded as muted, delivered
 * nowhere). Idempotent: nothing happens when the project has a rule.
 */
export async function seedDemoAlerts(options: { projectId: string; now: Date; days?: number }) {
  const { projectId, now } = options;
  if ((await db.alertRule.count({ where: { projectId } })) > 0) return { rules: 0, events: 0 };
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { orgId: true } });
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  const mutedUntil = new Date(now);
  mutedUntil.setUTCFullYear(mutedUntil.getUTCFullYear() + MUTED_YEARS);
  const days = options.days ?? 7;
  const start = now.getTime() - days * 86_400_000;
  await db.$transaction(async (tx) => {
    for (const rule of DEMO_ALERT_RULES) {
      const created = await tx.alertRule.create({
        data: { projectId, ...rule, comparator: "gt", filters: asJson(rule.filters), webhookUrl: DEMO_WEBHOOK_URL, mutedUntil, createdById: owner.userId, createdAt: new Date(start) },
      });
      await writeAuditLog(tx, { orgId: project.orgId, projectId, actorUserId: owner.userId, action: "alert_rule.create", resourceType: "alert_rule", resourceId: created.id, after: asJson(alertRuleAuditSnapshot(created)) });
    }
  });
  for (let t = start + REPLAY_STEP_MS; t <= now.getTime(); t += REPLAY_STEP_MS) {
    const pending = await evaluateAlerts({ projectId, now: new Date(t) });
    if (pending.length) throw new Error("a demo alert would have been delivered: its rules must stay muted");
  }
  return { rules: DEMO_ALERT_RULES.length, events: await db.alertEvent.count({ where: { projectId, createdAt: { lte: now } } }) };
}
