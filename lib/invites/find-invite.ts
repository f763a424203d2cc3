import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { hashInviteToken } from "./invite-token";

/** The invite behind a token, or a 404/410 saying why it cannot be used. */
export async function findUsableInvite(tx: Prisma.TransactionClient, token: string) {
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) }, include: { org: { select: { id: true, name: true } } } });
  if (!invite || invite.revokedAt) throw new AppError("NOT_FOUND", "This invite link is not valid");
  if (invite.acceptedAt) throw new AppError("GONE", "This invite link has already been used");
  if (invite.expiresAt.getTime() <= Date.now()) throw new AppError("GONE", "This invite link has expired; ask for a new one");
  return invite;
}
