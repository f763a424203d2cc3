import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import type { PutLlmConnection } from "../schemas/llm-connections";
import { assertOutboundUrl } from "../security/outbound";
import { type Actor, actorColumns, auditSnapshot, headerColumns, isUniqueViolation, keyColumns, nameTaken, viewOf } from "./connection-rows";

/**
 * Creates or replaces the connection called `name` (public API, for CI). The body is the whole
 * connection, key included, so the base-URL rule holds by construction. Audited either way.
 */
export async function putLlmConnection(options: { project: { id: string; orgId: string }; actor: Actor; name: string; input: PutLlmConnection }) {
  const { project, name, input } = options;
  await assertOutboundUrl(input.baseUrl, "body.baseUrl");
  const data = { baseUrl: input.baseUrl, models: input.models, ...keyColumns(input.apiKey), ...headerColumns(input.headers) };
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.llmConnection.findFirst({ where: { projectId: project.id, name }, omit: { apiKeyEncrypted: false } });
      const row = existing
        ? await tx.llmConnection.update({ where: { projectId_id: { projectId: project.id, id: existing.id } }, data })
        : await tx.llmConnection.create({ data: { projectId: project.id, name, ...data } });
      const view = viewOf({ ...row, hasApiKey: input.apiKey !== null });
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: existing ? "llm_connection.update" : "llm_connection.create", resourceType: "llm_connection", resourceId: row.id,
        ...(existing ? { before: toJsonValue(auditSnapshot(viewOf({ ...existing, hasApiKey: existing.apiKeyEncrypted !== null }))) } : {}),
        after: toJsonValue({ ...auditSnapshot(view), ...(existing ? { apiKeyChanged: true, headersChanged: true } : {}) }),
      });
      return { connection: view, created: !existing };
    });
  } catch (error) {
    // Two PUTs of a new name at once: the loser may simply retry.
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}
