import type { z } from "zod";
import { db } from "../db";
import { toJsonValue as asJson } from "../json";
import { writeAuditLog } from "../audit/write-audit-log";
import { forgetIngestSettings, ingestSettings } from "../ingest/project-settings";
import type { updateIngestSettingsBody } from "../schemas/ingest-settings";

type Update = z.infer<typeof updateIngestSettingsBody>;

/** Saves the project's PII rules, feedback origins and price overrides (validated by the caller). */
export async function updateIngestSettings(options: { project: { id: string; orgId: string }; actorUserId: string; update: Update }) {
  const { project, update } = options;
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
