import type { Account, Profile, User } from "next-auth";
import { db } from "../db";
import { env } from "../env";
import { createOrgInTx } from "../orgs/create-org";

/**
 * Maps an OAuth/OIDC sign-in onto a Pharos user: an existing link, else the user with the
 * same (provider-verified) email, else — when sign-up is open — a new user with their own org.
 */
export async function linkOAuthAccount(options: { user: User; account: Account; profile?: Profile }) {
  const { account, user } = options;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return { ok: true as const, userId: linked.userId };

  const email = user.email?.toLowerCase();
  if (!email) return { ok: false as const, error: "OAuthNoEmail" };
  const verified = (options.profile as { email_verified?: boolean } | undefined)?.email_verified;
  if (verified === false) return { ok: false as const, error: "OAuthEmailNotVerified" };

  const signupDisabled = env().PHAROS_DISABLE_SIGNUP;
  return db.$transaction(async (tx) => {
    let existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!existing) {
      if (signupDisabled) return { ok: false as const, error: "SignupDisabled" };
      existing = await tx.user.create({ data: { email, name: user.name ?? null, image: user.image ?? null }, select: { id: true } });
      await createOrgInTx(tx, { userId: existing.id, name: `${user.name || email.split("@")[0]}'s org` });
    }
    await tx.account.create({
      data: {
        userId: existing.id,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        scope: account.scope ?? null,
        token_type: account.token_type ?? null,
      },
    });
    return { ok: true as const, userId: existing.id };
  });
}
