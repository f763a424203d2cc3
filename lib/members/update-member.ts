import { db } from "../db";
import { AppError } from "../errors";
import { canGrant, outranks, type Role } from "../auth/permissions";
import { writeAuditLog } from "../audit/write-audit-log";
import { lockMemberships } from "./lock-memberships";
import { type MemberActor, requireCurrentManager, requireMemberManager } from "./member-actor";

type Options = {
  project: { id: string; orgId: string };
  actor: MemberActor;
  userId: string;
  /** New org-wide role. */
  role?: Role;
  /** Project override; null removes it. */
  projectRole?: Role | null;
};

/**
 * Changes a member's org role and/or project override. Org roles are granted with the actor's
 * org role, overrides with their project role; nobody changes a member who outranks them in the
 * org, and the org always keeps an owner, also under concurrent changes (lockMemberships).
 */
export async function updateMember(options: Options) {
  const { project, actor, userId, role, projectRole } = options;
  requireMemberManager(actor);
  if (role && !canGrant(actor.orgRole, role)) throw new AppError("FORBIDDEN", `Your org role (${actor.orgRole}) cannot grant ${role}`);
  if (projectRole && !canGrant(actor.role, projectRole)) throw new AppError("FORBIDDEN", `Your role (${actor.role}) cannot grant ${projectRole}`);
  return db.$transaction(async (tx) => {
    const locked = await lockMemberships(tx, { orgId: project.orgId, userIds: [actor.userId, userId] });
    requireCurrentManager(actor, locked);
    const current = locked.roleOf(userId);
    if (!current) throw new AppError("NOT_FOUND", "Member not found");
    if (outranks(current, actor.orgRole)) throw new AppError("FORBIDDEN", `Your org role (${actor.orgRole}) cannot change a member whose org role is ${current}`);
    if (role && role !== current) {
      if (current === "owner" && locked.owners.length <= 1) throw new AppError("CONFLICT", "The organization needs at least one owner");
      await tx.membership.update({ where: { orgId_userId: { orgId: project.orgId, userId } }, data: { role } });
    }
    if (projectRole === null) {
      await tx.projectMembership.deleteMany({ where: { projectId: project.id, userId } });
    } else if (projectRole) {
      await tx.projectMembership.upsert({
        where: { projectId_userId: { projectId: project.id, userId } },
        create: { projectId: project.id, userId, role: projectRole },
        update: { role: projectRole },
      });
    }
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: actor.userId,
      action: "member.update",
      resourceType: "user",
      resourceId: userId,
      before: { role: current },
      after: { role: role ?? current, ...(projectRole === undefined ? {} : { projectRole }) },
    });
  });
}
