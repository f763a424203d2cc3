import { db } from "../db";
import { queryMetrics } from "../metrics/query-metrics";
import { alertFiltersSchema, type AlertMeasure } from "../schemas/alerts";
import { latestDriftDistance } from "../drift/latest-distance";
import { breaches, measureValue } from "./measure-value";

export type PendingDelivery = { projectId: string; eventId: string };

/**
 * One evaluation pass over every rule: compute the measure over the rule's window, move
 * the rule between ok and firing, and record an event for each transition. Firing events
 * inside the cool-down or while muted are recorded but not delivered; the caller delivers
 * the returned events (through the job queue, with retries). `projectId` limits the pass to one
 * project's rules (the demo replays its week with it).
 */
export async function evaluateAlerts(options: { now?: Date; projectId?: string } = {}): Promise<PendingDelivery[]> {
  const now = options.now ?? new Date();
  const rules = await db.alertRule.findMany({ where: options.projectId ? { projectId: options.projectId } : {}, orderBy: [{ projectId: "asc" }, { id: "asc" }] });
  const pending: PendingDelivery[] = [];
  for (const rule of rules) {
    const filters = alertFiltersSchema.safeParse(rule.filters ?? {});
    const from = new Date(now.getTime() - rule.windowMinutes * 60_000);
    const { totals } = await queryMetrics({ projectId: rule.projectId, query: { from, to: now, ...(filters.success ? filters.data : {}) } });
    const drift = rule.measure === "drift" ? await latestDriftDistance(rule.projectId, now) : null;
    const value = measureValue(rule.measure as AlertMeasure, totals, rule.windowMinutes, drift);
    const created = await db.$transaction(async (tx) => {
      // The row lock makes the ok→firing decision once per transition even when two evaluations
      // overlap (a pass that overran its minute, a second worker, a pg-boss retry after expiry):
      // the later one waits, then reads the state the first one wrote and records nothing.
      await tx.$queryRaw`select 1 from alert_rules where project_id = ${rule.projectId} and id = ${rule.id} for update`;
      const current = await tx.alertRule.findUnique({ where: { projectId_id: { projectId: rule.projectId, id: rule.id } } });
      if (!current) return null;
      let kind: "firing" | "resolved" | null = null;
      if (value !== null) {
        const breach = breaches(value, current.comparator, current.threshold);
        if (breach && current.state === "ok") kind = "firing";
        else if (!breach && current.state === "firing") kind = "resolved";
      }
      const muted = current.mutedUntil !== null && current.mutedUntil > now;
      const cooling = kind === "firing" && current.lastNotifiedAt !== null && now.getTime() - current.lastNotifiedAt.getTime() < current.cooldownMinutes * 60_000;
      const status = !kind ? null : muted ? "muted" : cooling ? "cooldown" : "pending";
      await tx.alertRule.update({
        where: { projectId_id: { projectId: rule.projectId, id: rule.id } },
        data: {
          lastValue: value,
          lastEvaluatedAt: now,
          ...(kind ? { state: kind === "firing" ? "firing" : "ok" } : {}),
          ...(status === "pending" ? { lastNotifiedAt: now } : {}),
        },
      });
      if (!kind) return null;
      const event = await tx.alertEvent.create({
        data: { projectId: rule.projectId, ruleId: rule.id, kind, value, threshold: current.threshold, deliveryStatus: status!, createdAt: now },
      });
      return status === "pending" ? { projectId: rule.projectId, eventId: event.id } : null;
    });
    if (created) pending.push(created);
  }
  return pending;
}
