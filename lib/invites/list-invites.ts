import { db } from "../db";
import { type MemberActor, requireMemberManager } from "../members/member-actor";

/** Open (not accepted, not revoked) invites of the project's org; org-level managers only. */
export function listInvites(options: { project: { orgId: string }; actor: MemberActor }) {
  requireMemberManager(options.actor);
  return db.invite.findMany({
    where: { orgId: options.project.orgId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true },
  });
}
