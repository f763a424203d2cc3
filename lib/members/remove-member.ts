import { db } from "../db";
import { AppError } from "../errors";
import { can, type Role } from "../auth/permissions";
import { writeAuditLog } from "../audit/write-audit-log";

/** Removes a member from the org (and every project override in it). */
export async function removeMember(options: { project: { id: string; orgId: string }; actor: { userId: string; role: Role }; userId: string }) {
  const { project, actor, userId } = options;
  // Removal is org-wide, so it takes an org-level admin, not a project override.
  if (!can(actor.role, "members:manage")) throw new AppError("FORBIDDEN", `Your org role (${actor.role}) cannot remove members`);
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: project.orgId, userId } } });
    if (!membership) throw new AppError("NOT_FOUND", "Member not found");
    if (membership.role === "owner") {
      if (actor.role !== "owner") throw new AppError("FORBIDDEN", "Only owners can remove an owner");
      const owners = await tx.membership.count({ where: { orgId: project.orgId, role: "owner" } });
      if (owners <= 1) throw new AppError("CONFLICT", "The organization needs at least one owner");
    }
    await tx.projectMembership.deleteMany({ where: { userId, project: { orgId: project.orgId } } });
    await tx.membership.delete({ where: { orgId_userId: { orgId: project.orgId, userId } } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: actor.userId,
      action: "member.remove",
      resourceType: "user",
      resourceId: userId,
      before: { role: membership.role },
    });
  });
}
