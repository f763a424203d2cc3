import type { Account, Profile, User } from "next-auth";
import { db } from "../db";
import { env } from "../env";
import { createOrgInTx } from "../orgs/create-org";
import { providerVerifiedEmail } from "./provider-verified-email";

export type LinkResult = { ok: true; userId: string } | { ok: false; error: "OAuthEmailNotVerified" | "OAuthAccountNotVerified" | "SignupDisabled" };

/**
 * Maps an OAuth/OIDC sign-in onto a Pharos user: an existing link, else — only when the provider
 * vouches for the email (provider-verified-email.ts) — the user with that email if *their* email is
 * verified too, else (sign-up open) a new, verified user with their own org.
 * Both sides must be verified, or a password sign-up as victim@corp would receive the victim's
 * first SSO sign-in (account pre-takeover, #14). An unverified account with the address is refused
 * (OAuthAccountNotVerified), never merged and never replaced: its holder verifies it first.
 */
export async function linkOAuthAccount(options: { user: User; account: Account; profile?: Profile }): Promise<LinkResult> {
  const { account, user } = options;
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true, user: { select: { email: true, emailVerifiedAt: true } } },
  });
  if (linked) {
    // Accounts linked before verification existed become verified once their provider vouches for the address.
    if (!linked.user.emailVerifiedAt && (await providerVerifiedEmail({ account, profile: options.profile })) === linked.user.email) {
      await db.user.updateMany({ where: { id: linked.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    }
    return { ok: true, userId: linked.userId };
  }

  const email = await providerVerifiedEmail({ account, profile: options.profile });
  if (!email) return { ok: false, error: "OAuthEmailNotVerified" };

  const signupDisabled = env().PHAROS_DISABLE_SIGNUP;
  return db.$transaction(async (tx): Promise<LinkResult> => {
    let target = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
    if (target && !target.emailVerifiedAt) return { ok: false, error: "OAuthAccountNotVerified" };
    if (!target) {
      if (signupDisabled) return { ok: false, error: "SignupDisabled" };
      target = await tx.user.create({ data: { email, name: user.name ?? null, image: user.image ?? null, emailVerifiedAt: new Date() }, select: { id: true, emailVerifiedAt: true } });
      await createOrgInTx(tx, { userId: target.id, name: `${user.name || email.split("@")[0]}'s org` });
    }
    await tx.account.create({
      data: {
        userId: target.id,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        scope: account.scope ?? null,
        token_type: account.token_type ?? null,
      },
    });
    return { ok: true, userId: target.id };
  });
}
