import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { takeSignUpToken } from "../auth/auth-limits";
import { hashPassword } from "../auth/password";
import { findUsableInvite } from "../invites/find-invite";
import { mailConfigured } from "../mail/send-mail";
import { createOrgInTx } from "../orgs/create-org";
import type { SignUpBody } from "../schemas/auth";
import { sendAlreadyRegisteredMail, sendVerificationMail } from "./email-verification";

export type SignUpAnswer = { next: "check-email" | "sign-in"; message: string };

/**
 * Creates a password account, answering the same whether or not the email already has one (no
 * enumeration; README "Sign-up and sign-in"):
 * - SMTP configured: a new or still unverified address gets a verification link (which sets this
 *   password when opened), a verified one a "you already have an account" mail; the answer is
 *   always "check your email", and sign-in waits for the link.
 * - No SMTP: a new address gets an unverified account (and its own org unless it came with an
 *   invite); an existing one is left alone. The answer is always "now sign in".
 * An invite is checked here (valid, and for this email if it names one) but accepted after
 * sign-in, by the account that then proves it holds the password (and, if bound, the address).
 */
export async function signUp(input: SignUpBody & { ip: string }): Promise<SignUpAnswer> {
  await takeSignUpToken({ email: input.email, ip: input.ip });
  if (input.inviteToken) {
    const invite = await findUsableInvite(db, input.inviteToken);
    if (invite.email && invite.email !== input.email) throw new AppError("FORBIDDEN", `This invite is for ${invite.email}; sign up with that address`);
  } else if (env().PHAROS_DISABLE_SIGNUP) {
    throw new AppError("FORBIDDEN", "Sign-up is disabled on this server; ask an admin for an invite link");
  }
  const passwordHash = await hashPassword(input.password);
  const account = await createAccount(input, passwordHash);

  if (!mailConfigured()) {
    return { next: "sign-in", message: "Sign in with this email and password." };
  }
  if (account.verified) await sendAlreadyRegisteredMail({ email: input.email });
  else await sendVerificationMail({ userId: account.userId, email: input.email, passwordHash, next: input.inviteToken ? `/invite/${input.inviteToken}` : undefined });
  return { next: "check-email", message: "Check your inbox: we sent a mail to this address. Open the link in it to confirm the address, then sign in." };
}

/**
 * The account for this sign-up: a new one, or the one the email already has. Two sign-ups for the
 * same new address at once both find no user; the second insert then hits the unique email and
 * its transaction (org included) rolls back. That sign-up met an existing account, and answers as
 * if it had found it: a 409 would tell the caller the address is taken.
 */
async function createAccount(input: SignUpBody, passwordHash: string): Promise<{ userId: string; verified: boolean }> {
  const existing = () => db.user.findUnique({ where: { email: input.email }, select: { id: true, emailVerifiedAt: true } });
  try {
    return await db.$transaction(async (tx) => {
      const found = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, emailVerifiedAt: true } });
      if (found) return { userId: found.id, verified: Boolean(found.emailVerifiedAt) };
      const user = await tx.user.create({ data: { email: input.email, name: input.name || null, passwordHash }, select: { id: true } });
      if (!input.inviteToken) await createOrgInTx(tx, { userId: user.id, name: `${input.name || input.email.split("@")[0]}'s org` });
      return { userId: user.id, verified: false };
    });
  } catch (error) {
    const winner = isUniqueViolation(error) ? await existing() : null;
    if (!winner) throw error;
    return { userId: winner.id, verified: Boolean(winner.emailVerifiedAt) };
  }
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
