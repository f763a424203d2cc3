import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import { type Actor, actorColumns, auditSnapshot, requireConnection } from "./connection-rows";

/** Removes a connection and its sealed secrets; audited. */
export async function deleteLlmConnection(options: { project: { id: string; orgId: string }; actor: Actor; connectionId: string }) {
  const { project, connectionId } = options;
  await db.$transaction(async (tx) => {
    const before = await requireConnection({ projectId: project.id, connectionId, tx });
    await tx.llmConnection.delete({ where: { projectId_id: { projectId: project.id, id: connectionId } } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
      action: "llm_connection.delete", resourceType: "llm_connection", resourceId: connectionId,
      before: toJsonValue(auditSnapshot(before)),
    });
  });
}
