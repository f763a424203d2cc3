import type { z } from "zod";
import { db } from "../db";
import { toJsonValue as asJson } from "../json";
import { writeAuditLog } from "../audit/write-audit-log";
import { AppError } from "../errors";
import { forgetIngestSettings, ingestSettings } from "../ingest/project-settings";
import { backtrackingProblem } from "../security/regex-safety";
import type { updateIngestSettingsBody } from "../schemas/ingest-settings";

type Update = z.infer<typeof updateIngestSettingsBody>;

/** Saves the project's PII rules, feedback origins and price overrides (validated by the caller). */
export async function updateIngestSettings(options: { project: { id: string; orgId: string }; actorUserId: string; update: Update }) {
  const { project, update } = options;
  rejectUnsafePatterns(update);
  const data = {
    ...(update.pii ? { piiSettings: asJson(update.pii) } : {}),
    ...(update.feedbackOrigins ? { feedbackOrigins: [...new Set(update.feedbackOrigins)] } : {}),
    ...(update.priceOverrides ? { priceOverrides: asJson(update.priceOverrides) } : {}),
  };
  await db.$transaction(async (tx) => {
    await tx.projectSettings.upsert({ where: { projectId: project.id }, create: { projectId: project.id, ...data }, update: data });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: options.actorUserId,
      action: "project.ingest_settings.update",
      resourceType: "project",
      resourceId: project.id,
      after: asJson(update),
    });
  });
  forgetIngestSettings(project.id);
  return ingestSettings(project.id);
}

/** User regexes run on every ingest request of the project: refuse ones that can backtrack catastrophically. */
function rejectUnsafePatterns(update: Update) {
  update.pii?.customPatterns.forEach((p, i) => {
    const problem = backtrackingProblem(p.pattern, p.flags);
    if (problem) throw new AppError("INVALID", `body.pii.customPatterns.${i}.pattern: ${problem}`);
  });
  update.priceOverrides?.forEach((o, i) => {
    const problem = backtrackingProblem(o.modelPattern, "i");
    if (problem) throw new AppError("INVALID", `body.priceOverrides.${i}.modelPattern: ${problem}`);
  });
}
