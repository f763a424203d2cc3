import { db } from "../db";
import { AppError } from "../errors";
import { outranks } from "../auth/permissions";
import { writeAuditLog } from "../audit/write-audit-log";
import { lockMemberships } from "./lock-memberships";
import { type MemberActor, requireCurrentManager, requireMemberManager } from "./member-actor";

/** Removes a member from the org (and every project override in it); the org always keeps an owner. */
export async function removeMember(options: { project: { id: string; orgId: string }; actor: MemberActor; userId: string }) {
  const { project, actor, userId } = options;
  // Removal is org-wide, so it takes an org-level admin, not a project override.
  requireMemberManager(actor);
  await db.$transaction(async (tx) => {
    const locked = await lockMemberships(tx, { orgId: project.orgId, userIds: [actor.userId, userId] });
    requireCurrentManager(actor, locked);
    const current = locked.roleOf(userId);
    if (!current) throw new AppError("NOT_FOUND", "Member not found");
    if (outranks(current, actor.orgRole)) throw new AppError("FORBIDDEN", `Your org role (${actor.orgRole}) cannot remove a member whose org role is ${current}`);
    if (current === "owner" && locked.owners.length <= 1) throw new AppError("CONFLICT", "The organization needs at least one owner");
    await tx.projectMembership.deleteMany({ where: { userId, project: { orgId: project.orgId } } });
    await tx.membership.delete({ where: { orgId_userId: { orgId: project.orgId, userId } } });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: actor.userId,
      action: "member.remove",
      resourceType: "user",
      resourceId: userId,
      before: { role: current },
    });
  });
}
