import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import type { CreateLlmConnection } from "../schemas/llm-connections";
import { assertOutboundUrl } from "../security/outbound";
import { type Actor, actorColumns, auditSnapshot, headerColumns, isUniqueViolation, keyColumns, nameTaken, viewOf } from "./connection-rows";

/** A new connection: URL checked by the outbound guard, key and header values sealed, audited. */
export async function createLlmConnection(options: { project: { id: string; orgId: string }; actor: Actor; input: CreateLlmConnection }) {
  const { project, input } = options;
  await assertOutboundUrl(input.baseUrl, "body.baseUrl");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.llmConnection.create({
        data: {
          projectId: project.id, name: input.name, baseUrl: input.baseUrl, models: input.models ?? [],
          ...keyColumns(input.apiKey ?? null), ...headerColumns(input.headers ?? null),
          createdById: "userId" in options.actor ? options.actor.userId : null,
        },
      });
      const view = viewOf({ ...row, hasApiKey: Boolean(input.apiKey) });
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: "llm_connection.create", resourceType: "llm_connection", resourceId: row.id,
        after: toJsonValue(auditSnapshot(view)),
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}
