import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { AppError } from "../errors";
import { writeAuditLog } from "../audit/write-audit-log";
import { findUsableInvite } from "./find-invite";

/** Joins the user to the invite's org with its role (inside the caller's transaction). */
export async function acceptInviteInTx(tx: Prisma.TransactionClient, options: { token: string; user: { id: string; email: string } }) {
  const invite = await findUsableInvite(tx, options.token);
  if (invite.email && invite.email !== options.user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `This invite is for ${invite.email}; sign in with that address`);
  }
  // An email-bound invite says "the holder of this address": an account that never proved it holds
  // the address must not join under it (README "Email verification").
  if (invite.email) {
    const account = await tx.user.findUnique({ where: { id: options.user.id }, select: { emailVerifiedAt: true } });
    if (!account?.emailVerifiedAt) throw new AppError("FORBIDDEN", `This invite is for ${invite.email}; verify that address first (the link in your sign-up mail, or sign in with single sign-on)`);
  }
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invite.orgId, userId: options.user.id } } });
  if (!existing) await tx.membership.create({ data: { orgId: invite.orgId, userId: options.user.id, role: invite.role } });
  // Single use under concurrency: only the transaction whose conditional update claims the still-open
  // row goes on; the others wait on its row lock, then match nothing, and roll their membership back.
  const claimed = await tx.invite.updateMany({
    where: { orgId: invite.orgId, id: invite.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date(), acceptedBy: options.user.id },
  });
  if (claimed.count === 0) throw new AppError("GONE", "This invite link has already been used");
  await writeAuditLog(tx, {
    orgId: invite.orgId,
    projectId: invite.projectId,
    actorUserId: options.user.id,
    action: "invite.accept",
    resourceType: "invite",
    resourceId: invite.id,
    after: { role: existing?.role ?? invite.role },
  });
  return { orgId: invite.orgId, projectId: invite.projectId, role: existing?.role ?? invite.role };
}

export function acceptInvite(options: { token: string; user: { id: string; email: string } }) {
  return db.$transaction((tx) => acceptInviteInTx(tx, options));
}
