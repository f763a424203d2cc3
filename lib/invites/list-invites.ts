import { db } from "../db";

/** Open (not accepted, not revoked) invites of the project's org. */
export function listInvites(project: { orgId: string }) {
  return db.invite.findMany({
    where: { orgId: project.orgId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true },
  });
}
