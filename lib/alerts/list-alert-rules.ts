import { db } from "../db";

export function listAlertRules(options: { projectId: string }) {
  return db.alertRule.findMany({ where: { projectId: options.projectId }, orderBy: { createdAt: "asc" } });
}
