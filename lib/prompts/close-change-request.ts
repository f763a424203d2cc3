import { writeAuditLog } from "../audit/write-audit-log";
import type { Role } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { lockChangeRequest, serializeChangeRequest } from "./change-request-rows";
import { auditActor, type ProjectRef, TX_OPTIONS } from "./prompt-rows";

/** Closes an open change request without moving anything: its author, or an owner, admin or engineer. */
export async function closeChangeRequest(options: { project: ProjectRef; userId: string; role: Role; promptId: string; changeRequestId: string; reason?: string }) {
  const { project, userId, role, promptId, changeRequestId } = options;
  const cr = await db.$transaction(async (tx) => {
    const locked = await lockChangeRequest(tx, { projectId: project.id, promptId, changeRequestId });
    if (locked.status !== "open") throw new AppError("CONFLICT", `Change request ${locked.id} is already ${locked.status}`);
    if (locked.authorId !== userId && !["owner", "admin", "engineer"].includes(role)) throw new AppError("FORBIDDEN", `Your role (${role}) cannot close another member's change request`);
    const closed = await tx.promptChangeRequest.update({ where: { projectId_id: { projectId: project.id, id: locked.id } }, data: { status: "closed", closedAt: new Date() } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor({ userId }),
      action: "prompt.change_request.close", resourceType: "prompt_change_request", resourceId: locked.id,
      before: { status: "open" }, after: { status: "closed", reason: options.reason ?? null },
    });
    return closed;
  }, TX_OPTIONS);
  return { changeRequest: serializeChangeRequest(cr) };
}
