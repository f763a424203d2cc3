import { db } from "../db";
import { alertRuleView } from "./alert-rule-view";

/** The project's alert rules, oldest first, webhook URLs masked for every role. */
export async function listAlertRules(options: { projectId: string }) {
  const rules = await db.alertRule.findMany({ where: { projectId: options.projectId }, orderBy: { createdAt: "asc" } });
  return rules.map(alertRuleView);
}
