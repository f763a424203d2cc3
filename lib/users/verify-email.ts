import { db } from "../db";
import { AppError } from "../errors";
import { hashVerificationToken } from "./email-verification";

/**
 * Uses a mailed verification link: marks the address verified and sets the password chosen at the
 * sign-up that sent it. Single use even under concurrency (the token is claimed by a conditional
 * update, and the user is updated only while still unverified); every other pending link of the
 * user dies with it, so a second sign-up's password can never replace the first one later.
 */
export async function verifyEmail(options: { token: string }) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.emailVerification.findUnique({ where: { tokenHash: hashVerificationToken(options.token) }, select: { id: true, userId: true, passwordHash: true, expiresAt: true, usedAt: true } });
    if (!row) throw new AppError("NOT_FOUND", "This verification link is not valid");
    if (row.usedAt) throw new AppError("GONE", "This verification link has already been used");
    if (row.expiresAt.getTime() <= now.getTime()) throw new AppError("GONE", "This verification link has expired; sign up again with the same email to get a new one");
    const claimed = await tx.emailVerification.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    const updated = await tx.user.updateMany({
      where: { id: row.userId, emailVerifiedAt: null },
      data: { emailVerifiedAt: now, ...(row.passwordHash ? { passwordHash: row.passwordHash } : {}) },
    });
    if (claimed.count !== 1 || updated.count !== 1) throw new AppError("GONE", "This verification link has already been used");
    await tx.emailVerification.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } });
    return { verified: true as const, email: user.email };
  });
}
