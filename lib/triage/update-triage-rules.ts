import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import { getTriageRules } from "./get-triage-rules";
import type { TriageRules } from "./rules";

/**
 * Saves the rules whole (validated by the caller). Ingest reads them from project_settings in
 * its own statement (lib/ingest/sql/apply-triage-rules.ts), so the next batch in every process
 * uses them; there is no cache to clear. Items already in the inbox are left as they are.
 */
export async function updateTriageRules(options: { project: { id: string; orgId: string }; actorUserId: string; rules: TriageRules }) {
  const { project, rules } = options;
  await db.$transaction(async (tx) => {
    const before = await tx.projectSettings.findUnique({ where: { projectId: project.id }, select: { triageRules: true } });
    const value = toJsonValue(rules);
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, triageRules: value }, update: { triageRules: value } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actorUserId,
      action: "project.triage_rules.update",
      resourceType: "project",
      resourceId: project.id,
      ...(before?.triageRules != null ? { before: toJsonValue(before.triageRules) } : {}),
      after: value,
    });
  });
  return getTriageRules({ projectId: project.id });
}
