// #14 item 1: account pre-takeover through OAuth linking. Someone signs up with a password as
// victim@corp and waits for the victim's first SSO sign-in: it must never land in that account.
// A real SMTP server and a fake GitHub API (both on 127.0.0.1) stand in for the outside world.
import type { Account, Profile, User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/invites/[token]/accept/route";
import * as signUpRoute from "@/app/api/auth/sign-up/route";
import * as verifyRoute from "@/app/api/auth/verify-email/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import { authOptions } from "@/lib/auth/auth-options";
import { linkOAuthAccount } from "@/lib/auth/link-oauth-account";
import { db } from "@/lib/db";
import { createOrgAndProject, sessionCookie, uniqueEmail } from "../factories";
import { fakeGitHub } from "../support/fake-github";
import { call } from "../support/route";
import { smtpSink } from "../support/smtp-sink";

const github = fakeGitHub();
const smtp = smtpSink();
let smtpUrl = "";

beforeAll(async () => {
  process.env.PHAROS_GITHUB_API_URL = await github.start();
  smtpUrl = await smtp.start();
});
afterAll(async () => {
  delete process.env.PHAROS_GITHUB_API_URL;
  await github.close();
  await smtp.close();
});

async function withSmtp<T>(fn: () => Promise<T>): Promise<T> {
  process.env.PHAROS_SMTP_URL = smtpUrl;
  process.env.PHAROS_MAIL_FROM = "Pharos <pharos@example.test>";
  try {
    return await fn();
  } finally {
    delete process.env.PHAROS_SMTP_URL;
    delete process.env.PHAROS_MAIL_FROM;
  }
}

let ids = 0;
/** Sign-up through the route, each from its own client IP (the per-IP sign-up limit is not under test here). */
const signUp = (body: Record<string, unknown>) => call(signUpRoute.POST, "POST", { body, headers: { "x-pharos-client-ip": `192.0.2.${ids++ % 250}` } });

/** What next-auth hands the signIn callback after a GitHub OAuth round trip (profile email = the user's public one, unverified). */
function githubSignIn(options: { publicEmail: string | null; accessToken: string }) {
  const providerAccountId = `gh-${Date.now()}-${ids++}`;
  return {
    user: { id: providerAccountId, email: options.publicEmail, name: "Octo" } as User,
    account: { provider: "github", type: "oauth", providerAccountId, access_token: options.accessToken, token_type: "bearer", scope: "read:user,user:email" } as Account,
    profile: { email: options.publicEmail ?? undefined } as Profile,
  };
}

function oidcSignIn(options: { provider: "google" | "oidc"; email: string; emailVerified?: boolean | string }) {
  const providerAccountId = `${options.provider}-${Date.now()}-${ids++}`;
  const profile: Record<string, unknown> = { sub: providerAccountId, email: options.email };
  if (options.emailVerified !== undefined) profile.email_verified = options.emailVerified;
  return {
    user: { id: providerAccountId, email: options.email, name: "Sso" } as User,
    account: { provider: options.provider, type: "oauth", providerAccountId } as Account,
    profile: profile as Profile,
  };
}

const authorize = (email: string, password: string) =>
  (authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ id: string } | null> } }).options.authorize(
    { email, password },
    { headers: { "x-pharos-client-ip": `198.51.100.${ids++ % 250}` }, body: {}, query: {}, method: "POST" },
  );

async function linkedAccounts(userId: string) {
  return db.account.findMany({ where: { userId }, select: { provider: true, providerAccountId: true } });
}

describe("OAuth linking needs a verified email on both sides", () => {
  it("a password squatter's account is never linked to the victim's GitHub sign-in, verified or not", async () => {
    const victim = uniqueEmail("victim");
    const squat = await signUp({ email: victim, password: "attacker password" });
    expect(squat.status).toBeLessThan(300);
    const squatter = await db.user.findUniqueOrThrow({ where: { email: victim } });

    // GitHub profile shows victim@ as the public email, but GitHub says it is not verified.
    github.setEmails("tok-unverified", [{ email: victim, primary: true, verified: false }]);
    const unverified = githubSignIn({ publicEmail: victim, accessToken: "tok-unverified" });
    expect(await linkOAuthAccount(unverified)).toMatchObject({ ok: false });

    // The public profile email is victim@, but the verified primary address is another one: no claim on victim@.
    const other = uniqueEmail("octo");
    github.setEmails("tok-other", [{ email: other, primary: true, verified: true }, { email: victim, primary: false, verified: false }]);
    const unasserted = githubSignIn({ publicEmail: victim, accessToken: "tok-other" });
    const result = await linkOAuthAccount(unasserted);
    if (result.ok) expect(result.userId).not.toBe(squatter.id);

    // The real victim, verified at GitHub: still not merged into the squatter's unverified account.
    github.setEmails("tok-victim", [{ email: victim, primary: true, verified: true }]);
    const real = githubSignIn({ publicEmail: victim, accessToken: "tok-victim" });
    expect(await linkOAuthAccount(real)).toMatchObject({ ok: false, error: "OAuthAccountNotVerified" });

    expect(await linkedAccounts(squatter.id)).toEqual([]);
    // The attacker's password opens the squat account only, which holds no SSO identity of the victim.
    const viaPassword = await authorize(victim, "attacker password");
    if (viaPassword) expect(await linkedAccounts(viaPassword.id)).toEqual([]);
  });

  it("Google/OIDC link only when email_verified is asserted true", async () => {
    const email = uniqueEmail("oidc");
    await signUp({ email, password: "some password" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });

    expect(await linkOAuthAccount(oidcSignIn({ provider: "oidc", email }))).toMatchObject({ ok: false, error: "OAuthEmailNotVerified" });
    expect(await linkOAuthAccount(oidcSignIn({ provider: "google", email, emailVerified: false }))).toMatchObject({ ok: false });
    expect(await linkedAccounts(user.id)).toEqual([]);
    expect(await linkOAuthAccount(oidcSignIn({ provider: "google", email, emailVerified: true }))).toEqual({ ok: true, userId: user.id });
    expect(await linkedAccounts(user.id)).toHaveLength(1);
  });

  it("a verified GitHub email links into a verified account and creates verified users under the verified address", async () => {
    const owner = uniqueEmail("owner");
    await signUp({ email: owner, password: "owner password" });
    const user = await db.user.findUniqueOrThrow({ where: { email: owner } });
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    github.setEmails("tok-owner", [{ email: owner.toUpperCase(), primary: true, verified: true }]);
    const linked = await linkOAuthAccount(githubSignIn({ publicEmail: null, accessToken: "tok-owner" }));
    expect(linked).toEqual({ ok: true, userId: user.id });
    expect(github.requests.at(-1)).toMatchObject({ path: "/user/emails", authorization: "Bearer tok-owner" });

    const fresh = uniqueEmail("fresh");
    github.setEmails("tok-fresh", [{ email: fresh, primary: true, verified: true }]);
    const created = await linkOAuthAccount(githubSignIn({ publicEmail: uniqueEmail("public-profile"), accessToken: "tok-fresh" }));
    expect(created.ok).toBe(true);
    const newUser = await db.user.findUniqueOrThrow({ where: { email: fresh } });
    expect(newUser.emailVerifiedAt).toBeInstanceOf(Date);
    expect(created).toMatchObject({ userId: newUser.id });

    // An account linked before verification existed is verified by its next sign-in that vouches for it.
    await db.user.update({ where: { id: newUser.id }, data: { emailVerifiedAt: null } });
    const again = githubSignIn({ publicEmail: null, accessToken: "tok-fresh" });
    again.account.providerAccountId = (await db.account.findFirstOrThrow({ where: { userId: newUser.id } })).providerAccountId;
    expect(await linkOAuthAccount(again)).toEqual({ ok: true, userId: newUser.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: newUser.id } })).emailVerifiedAt).toBeInstanceOf(Date);

    // GitHub down or the token refused: no email is asserted, so nothing is linked or created.
    const refused = await linkOAuthAccount(githubSignIn({ publicEmail: uniqueEmail("nobody"), accessToken: "tok-unknown" }));
    expect(refused).toMatchObject({ ok: false, error: "OAuthEmailNotVerified" });
  });
});

describe("email verification by mail (SMTP configured)", () => {
  it("sends a link that verifies the address once, and only then may the account sign in and be linked", async () => {
    await withSmtp(async () => {
      const email = uniqueEmail("mailed");
      const res = await signUp({ email, password: "mailed password", name: "Mae" });
      expect(res.status).toBe(202);
      const [mail] = await smtp.mailsTo(email);
      expect(mail!.from).toBe("pharos@example.test");
      const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)?.[1];
      expect(token).toBeTruthy();
      expect(mail!.text).toContain("http://localhost:3000/verify-email?token=");

      const stored = await db.emailVerification.findFirstOrThrow({ where: { user: { email } } });
      expect(stored.tokenHash).not.toBe(token);
      expect(JSON.stringify(stored)).not.toContain(token!);
      expect(await authorize(email, "mailed password")).toBeNull();

      const verified = await call(verifyRoute.POST, "POST", { body: { token } });
      expect(verified.status).toBe(200);
      expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
      expect(await authorize(email, "mailed password")).toMatchObject({ email });

      const again = await call(verifyRoute.POST, "POST", { body: { token } });
      expect(again.status).toBe(410);
      expect((await call(verifyRoute.POST, "POST", { body: { token: "made-up-token-made-up-token" } })).status).toBe(404);

      github.setEmails("tok-mailed", [{ email, primary: true, verified: true }]);
      expect(await linkOAuthAccount(githubSignIn({ publicEmail: email, accessToken: "tok-mailed" }))).toMatchObject({ ok: true });
    });
  });

  it("expired links fail; a squatter's pending password never becomes the account's password", async () => {
    await withSmtp(async () => {
      const email = uniqueEmail("late");
      await signUp({ email, password: "first password" });
      const [first] = await smtp.mailsTo(email);
      const firstToken = /token=([A-Za-z0-9_-]+)/.exec(first!.text)![1]!;
      await db.emailVerification.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const expired = await call(verifyRoute.POST, "POST", { body: { token: firstToken } });
      expect(expired.status).toBe(410);
      expect(expired.json.error.message).toMatch(/expired/);

      // Two pending sign-ups for one address: the mailbox owner picks which one holds by clicking it.
      await signUp({ email, password: "owner password" });
      await signUp({ email, password: "squatter password" });
      const mails = await smtp.mailsTo(email, 3);
      const ownerToken = /token=([A-Za-z0-9_-]+)/.exec(mails[1]!.text)![1]!;
      const squatterToken = /token=([A-Za-z0-9_-]+)/.exec(mails[2]!.text)![1]!;
      expect((await call(verifyRoute.POST, "POST", { body: { token: ownerToken } })).status).toBe(200);
      expect((await call(verifyRoute.POST, "POST", { body: { token: squatterToken } })).status).toBe(410);
      expect(await authorize(email, "owner password")).toMatchObject({ email });
      expect(await authorize(email, "squatter password")).toBeNull();
    });
  });
});

describe("email-bound invites need a verified account", () => {
  it("an unverified account cannot accept an invite bound to its email; once verified it can", async () => {
    const t = await createOrgAndProject("bound");
    const email = uniqueEmail("bound");
    await signUp({ email, password: "bound password" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const invite = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "engineer", email } });
    const cookie = await sessionCookie(user.id);
    const refused = await call(acceptRoute.POST, "POST", { params: { token: invite.json.token }, cookie });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/verif/i);
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: user.id } })).toBe(0);

    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const accepted = await call(acceptRoute.POST, "POST", { params: { token: invite.json.token }, cookie });
    expect(accepted.status).toBe(200);

    // An invite without an email is a bearer link: any account (verified or not) may use it.
    const open = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "viewer" } });
    const other = uniqueEmail("open");
    await signUp({ email: other, password: "open password" });
    const otherUser = await db.user.findUniqueOrThrow({ where: { email: other } });
    expect((await call(acceptRoute.POST, "POST", { params: { token: open.json.token }, cookie: await sessionCookie(otherUser.id) })).status).toBe(200);
  });
});
