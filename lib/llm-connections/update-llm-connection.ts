import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { toJsonValue } from "../json";
import type { UpdateLlmConnection } from "../schemas/llm-connections";
import { assertOutboundUrl } from "../security/outbound";
import { type Actor, actorColumns, auditSnapshot, headerColumns, isUniqueViolation, keyColumns, nameTaken, requireConnection, viewOf } from "./connection-rows";

/**
 * Changes a connection; omitted fields are kept. A new base URL must come with the key (and the
 * header values, when some are stored) in the same request: a stored secret is never sent to a
 * host it was not entered for.
 */
export async function updateLlmConnection(options: { project: { id: string; orgId: string }; actor: Actor; connectionId: string; changes: UpdateLlmConnection }) {
  const { project, connectionId, changes } = options;
  if (changes.baseUrl !== undefined) await assertOutboundUrl(changes.baseUrl, "body.baseUrl");
  try {
    return await db.$transaction(async (tx) => {
      // Lock the row so a concurrent URL change cannot slip between the check and the write.
      await tx.$queryRaw`select 1 from llm_connections where project_id = ${project.id} and id = ${connectionId} for update`;
      const before = await requireConnection({ projectId: project.id, connectionId, tx });
      const hostChanges = changes.baseUrl !== undefined && changes.baseUrl !== before.baseUrl;
      if (hostChanges && changes.apiKey === undefined) {
        throw new AppError("INVALID", "body.apiKey: changing the base URL requires entering the API key again (null for none), so a stored key is never sent to a new host");
      }
      if (hostChanges && before.headerNames.length > 0 && changes.headers === undefined) {
        throw new AppError("INVALID", `body.headers: changing the base URL requires entering the headers again (${before.headerNames.join(", ")}; null for none), so stored header values are never sent to a new host`);
      }
      const row = await tx.llmConnection.update({
        where: { projectId_id: { projectId: project.id, id: connectionId } },
        data: {
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.baseUrl === undefined ? {} : { baseUrl: changes.baseUrl }),
          ...(changes.models === undefined ? {} : { models: changes.models }),
          ...(changes.apiKey === undefined ? {} : keyColumns(changes.apiKey)),
          ...(changes.headers === undefined ? {} : headerColumns(changes.headers)),
        },
      });
      const after = viewOf({ ...row, hasApiKey: changes.apiKey === undefined ? before.hasApiKey : changes.apiKey !== null });
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: "llm_connection.update", resourceType: "llm_connection", resourceId: connectionId,
        before: toJsonValue(auditSnapshot(before)),
        after: toJsonValue({ ...auditSnapshot(after), apiKeyChanged: changes.apiKey !== undefined, headersChanged: changes.headers !== undefined }),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(changes.name ?? "");
    throw error;
  }
}
