import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { canGrant, type Role } from "../auth/permissions";
import { type MemberActor, requireMemberManager } from "../members/member-actor";
import { writeAuditLog } from "../audit/write-audit-log";
import { generateInviteToken, hashInviteToken } from "./invite-token";

/** Creates an invite link into the org with a role; the token is shown once. */
export async function createInvite(options: {
  project: { id: string; orgId: string };
  actor: MemberActor;
  role: Role;
  email?: string;
}) {
  const { project, actor, role } = options;
  // An invite joins the org with an org role: granted with the actor's org role.
  requireMemberManager(actor);
  if (!canGrant(actor.orgRole, role)) throw new AppError("FORBIDDEN", `Your org role (${actor.orgRole}) cannot invite a ${role}`);
  const token = generateInviteToken();
  const expiresAt = new Date(Date.now() + env().PHAROS_INVITE_TTL_HOURS * 3_600_000);
  const invite = await db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { orgId: project.orgId, projectId: project.id, tokenHash: hashInviteToken(token), role, email: options.email ?? null, createdById: actor.userId, expiresAt },
    });
    await writeAuditLog(tx, {
      orgId: project.orgId,
      projectId: project.id,
      actorUserId: actor.userId,
      action: "invite.create",
      resourceType: "invite",
      resourceId: created.id,
      after: { role, email: options.email ?? null, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { id: invite.id, role, email: invite.email, expiresAt, token, path: `/invite/${token}` };
}
