import { db } from "../db";

/**
 * A webhook URL is a bearer secret (a Slack incoming webhook lets anyone who has it post to the
 * channel): members who cannot manage alerts see only where it goes — scheme and host.
 */
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "…";
  }
}

export async function listAlertRules(options: { projectId: string; revealWebhooks: boolean }) {
  const rules = await db.alertRule.findMany({ where: { projectId: options.projectId }, orderBy: { createdAt: "asc" } });
  return options.revealWebhooks ? rules.map((r) => ({ ...r, webhookMasked: false })) : rules.map((r) => ({ ...r, webhookUrl: maskWebhookUrl(r.webhookUrl), webhookMasked: true }));
}
