import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { safeCallback } from "../auth/safe-callback";
import { publicUrl, sendMail } from "../mail/send-mail";

export function hashVerificationToken(token: string): string {
  return createHash("sha256").update(`email-verification:${token}`).digest("hex");
}

/**
 * Mails a single-use link that verifies the address (stored as a hash, expiring after
 * PHAROS_EMAIL_VERIFICATION_TTL_HOURS). Verifying also sets `passwordHash`, the password chosen at
 * the sign-up that sent this link. `next` is where the link leads after signing in (an invite page).
 */
export async function sendVerificationMail(options: { userId: string; email: string; passwordHash: string; next?: string }) {
  const token = randomBytes(32).toString("base64url");
  const hours = env().PHAROS_EMAIL_VERIFICATION_TTL_HOURS;
  await db.emailVerification.create({
    data: { userId: options.userId, tokenHash: hashVerificationToken(token), passwordHash: options.passwordHash, expiresAt: new Date(Date.now() + hours * 3_600_000) },
  });
  const next = options.next ? safeCallback(options.next) : "/";
  const link = publicUrl(`/verify-email?token=${token}${next === "/" ? "" : `&next=${encodeURIComponent(next)}`}`);
  await sendMail({
    to: options.email,
    subject: "Confirm your email address for Pharos",
    text: [
      `Someone (hopefully you) signed up to Pharos as ${options.email}.`,
      "",
      `Open this link to confirm the address and activate the password chosen at that sign-up. It works once and expires in ${hours} hours:`,
      "",
      link,
      "",
      "If this was not you, ignore this mail: nothing changes without the link.",
    ].join("\n"),
  });
}

/** Told to the holder of an address that already has a verified account, instead of a second account. */
export async function sendAlreadyRegisteredMail(options: { email: string }) {
  await sendMail({
    to: options.email,
    subject: "You already have a Pharos account",
    text: [
      `Someone (hopefully you) tried to sign up to Pharos as ${options.email}. You already have an account with this address, so nothing was changed.`,
      "",
      `Sign in here: ${publicUrl("/sign-in")}`,
      "",
      "If this was not you, you can ignore this mail.",
    ].join("\n"),
  });
}
