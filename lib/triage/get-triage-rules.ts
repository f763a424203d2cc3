import { db } from "../db";
import { effectiveTriageRules } from "./rules";

/** The project's rules in effect (defaults when none are stored), and whether they are the defaults. */
export async function getTriageRules(options: { projectId: string }) {
  const { projectId } = options;
  const row = await db.projectSettings.findUnique({ where: { projectId }, select: { triageRules: true } });
  return { rules: effectiveTriageRules(row?.triageRules ?? null), isDefault: row?.triageRules == null };
}
