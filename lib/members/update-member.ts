import { db } from "../db";
import { AppError } from "../errors";
import { canGrant, type Role } from "../auth/permissions";
import { writeAuditLog } from "../audit/write-audit-log";

type Options = {
  project: { id: string; orgId: string };
  actor: { userId: string; role: Role };
  userId: string;
  /** New org-wide role. */
  role?: Role;
  /** Project override; null removes it. */
  projectRole?: Role | null;
};

/** Changes a member's org role and/or project override; the org always keeps an owner. */
export async function updateMember(options: Options) {
  const { project, actor, userId, role, projectRole } = options;
  for (const granted of [role, projectRole]) {
    if (granted && !canGrant(actor.role, granted)) throw new AppError("FORBIDDEN", `Your role (${actor.role}) cannot grant ${granted}`);
  }
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: project.orgId, userId } } });
    if (!membership) throw new AppError("NOT_FOUND", "Member not found");
    if (membership.role === "owner" && actor.role !== "owner") throw new AppError("FORBIDDEN", "Only owners can change an owner");
    if (role && role !== membership.role) {
      if (membership.role === "owner") {
        const owners = await tx.membership.count({ where: { orgId: project.orgId, role: "owner" } });
        if (owners <= 1) throw new AppError("CONFLICT", "The organization needs at least one owner");
      }
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
      before: { role: membership.role },
      after: { role: role ?? membership.role, ...(projectRole === undefined ? {} : { projectRole }) },
    });
  });
}
