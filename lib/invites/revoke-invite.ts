import { db } from "../db";
import { AppError } from "../errors";
import { writeAuditLog } from "../audit/write-audit-log";
import { type MemberActor, requireMemberManager } from "../members/member-actor";

/** Revokes an open invite of the org; org-level managers only. */
export async function revokeInvite(options: { project: { id: string; orgId: string }; inviteId: string; actor: MemberActor }) {
  const { project, inviteId, actor } = options;
  requireMemberManager(actor);
  await db.$transaction(async (tx) => {
    const result = await tx.invite.updateMany({ where: { orgId: project.orgId, id: inviteId, revokedAt: null, acceptedAt: null }, data: { revokedAt: new Date() } });
    if (result.count === 0) throw new AppError("NOT_FOUND", "Invite not found");
    await writeAuditLog(tx, { orgId: project.orgId, projectId: project.id, actorUserId: actor.userId, action: "invite.revoke", resourceType: "invite", resourceId: inviteId });
  });
}
