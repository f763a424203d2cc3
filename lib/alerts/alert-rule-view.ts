import type { AlertRule } from "../generated/prisma/client";
import { maskWebhookUrl } from "../security/webhook-url";

/**
 * An alert rule as every API answer shows it, to every role: the webhook URL is write-only once
 * saved (lib/security/webhook-url.ts), so only its masked form ever leaves the server.
 */
export function alertRuleView(rule: AlertRule) {
  return { ...rule, webhookUrl: maskWebhookUrl(rule.webhookUrl) };
}

/** What an audit row records of a rule: its settings, with the webhook masked like everywhere else. */
export function alertRuleAuditSnapshot(rule: AlertRule) {
  return {
    name: rule.name, measure: rule.measure, comparator: rule.comparator, threshold: rule.threshold, windowMinutes: rule.windowMinutes,
    cooldownMinutes: rule.cooldownMinutes, filters: rule.filters, mutedUntil: rule.mutedUntil?.toISOString() ?? null, webhookUrl: maskWebhookUrl(rule.webhookUrl),
  };
}
