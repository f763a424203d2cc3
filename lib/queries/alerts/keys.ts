export type AlertRuleRow = {
  id: string; name: string; measure: string; comparator: string; threshold: number; windowMinutes: number; cooldownMinutes: number;
  /** Masked (`https://hooks.slack.com/…/••••1a2b`): the URL is write-only once saved. */
  webhookUrl: string; mutedUntil: string | null; state: string; lastValue: number | null; lastEvaluatedAt: string | null;
  filters: Record<string, string | number> | null;
};
export type AlertEventRow = { id: string; ruleId: string; kind: string; value: number | null; threshold: number; deliveryStatus: string; deliveryAttempts: number; lastError: string | null; createdAt: string };
export type AlertRuleInput = { name: string; measure: string; comparator: string; threshold: number; windowMinutes: number; cooldownMinutes: number; webhookUrl: string; filters?: Record<string, string | number> };
/** An edit: any fields; without webhookUrl the stored URL stays. */
export type AlertRulePatch = Partial<AlertRuleInput> & { mutedUntil?: string | null };

export const alertKeys = {
  all: (projectId: string) => ["projects", projectId, "alerts"] as const,
  rules: (projectId: string) => [...alertKeys.all(projectId), "rules"] as const,
  events: (projectId: string) => [...alertKeys.all(projectId), "events"] as const,
};
