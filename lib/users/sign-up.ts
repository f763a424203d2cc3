import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { acceptInviteInTx } from "../invites/accept-invite";
import { createOrgInTx } from "../orgs/create-org";
import type { SignUpBody } from "../schemas/auth";

/**
 * Creates a user with a password. Without an invite the user gets a new org they own;
 * with one they join the inviting org. PHAROS_DISABLE_SIGNUP allows invited sign-ups only.
 */
export async function signUp(input: SignUpBody) {
  if (env().PHAROS_DISABLE_SIGNUP && !input.inviteToken) {
    throw new AppError("FORBIDDEN", "Sign-up is disabled on this server; ask an admin for an invite link");
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "An account with this email already exists; sign in instead");
    const user = await tx.user.create({ data: { email: input.email, name: input.name || null, passwordHash }, select: { id: true, email: true, name: true } });
    if (input.inviteToken) {
      const joined = await acceptInviteInTx(tx, { token: input.inviteToken, user });
      return { user, orgId: joined.orgId, projectId: joined.projectId };
    }
    const org = await createOrgInTx(tx, { userId: user.id, name: `${input.name || input.email.split("@")[0]}'s org` });
    return { user, orgId: org.id, projectId: null };
  });
}
