// #14 item 6: brute force and enumeration. Sign-in and sign-up are limited per account and per
// client IP, unknown and wrong-password sign-ins do the same work and get the same answer, and
// sign-up answers the same whether or not the email has an account.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as signUpRoute from "@/app/api/auth/sign-up/route";
import { authOptions } from "@/lib/auth/auth-options";
import { PASSWORD_HASH_COST } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createUser, PASSWORD, uniqueEmail } from "../factories";
import { smtpSink } from "../support/smtp-sink";

type Authorize = (c: unknown, r: unknown) => Promise<{ id: string } | null>;
const authorizeFn = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
let ipSeq = 1;
const freshIp = () => `203.0.113.${ipSeq++}`;
const authorize = (email: string, password: string, ip = freshIp()) => authorizeFn({ email, password }, { headers: { "x-forwarded-for": "10.0.0.1", "x-pharos-client-ip": ip }, body: {}, query: {}, method: "POST" });

/** A credentials sign-in POST as next-auth's client sends it (form-encoded, through the real route). */
async function postSignIn(email: string, password: string, ip: string) {
  const req = new Request("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", "x-pharos-client-ip": ip },
    body: new URLSearchParams({ email, password, csrfToken: "x", json: "true", callbackUrl: "/" }),
  });
  const res = await (nextAuthRoute.POST as unknown as (r: Request, c: unknown) => Promise<Response>)(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as { url?: string; error?: { code: string; message: string } } };
}

async function signUp(body: Record<string, unknown>, ip = freshIp()) {
  const req = new Request("http://localhost:3000/api/auth/sign-up", {
    method: "POST",
    headers: { "content-type": "application/json", "x-pharos-client-ip": ip },
    body: JSON.stringify(body),
  });
  const res = await signUpRoute.POST(req);
  return { status: res.status, headers: res.headers, json: await res.json() };
}

describe("credentials sign-in", () => {
  // The same work, shown by what runs rather than by a stopwatch: each kind of failed sign-in makes
  // exactly one bcrypt comparison, against a well-formed hash of the same cost (bcrypt's time
  // depends only on the cost, and a malformed hash would be refused without hashing).
  it("does the same work for an unknown email as for a wrong password, and answers the same", async () => {
    const user = await createUser("same-work");
    const ssoOnly = await db.user.create({ data: { email: uniqueEmail("sso"), emailVerifiedAt: new Date() } });
    const compare = vi.spyOn(bcrypt, "compare");
    const hashesCompared = async (email: string, password: string) => {
      compare.mockClear();
      // null is the one answer: next-auth turns it into the same CredentialsSignin error for every case.
      expect(await authorize(email, password)).toBeNull();
      return compare.mock.calls.map((c) => c[1]);
    };
    try {
      const cases = {
        unknown: await hashesCompared(uniqueEmail("nobody"), "some password"),
        wrong: await hashesCompared(user.email, "wrong password"),
        // A user without a password (created through SSO) is also checked against the dummy hash.
        ssoOnly: await hashesCompared(ssoOnly.email, "anything at all"),
      };
      for (const [name, hashes] of Object.entries(cases)) {
        expect(hashes, name).toHaveLength(1);
        expect(hashes[0], name).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
        expect(bcrypt.getRounds(hashes[0]!), name).toBe(PASSWORD_HASH_COST);
      }
      // Unknown and password-less accounts both use the dummy; the real account its own hash.
      expect(cases.unknown[0]).toBe(cases.ssoOnly[0]);
      expect(cases.wrong[0]).not.toBe(cases.unknown[0]);
    } finally {
      compare.mockRestore();
    }
  });

  it("answers 429 with Retry-After after repeated failures for one account, even with the right password then", async () => {
    const user = await createUser("locked");
    for (let i = 0; i < 5; i++) expect(await authorize(user.email, `wrong ${i}`)).toBeNull();
    const blocked = await postSignIn(user.email, PASSWORD, freshIp());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(new URL(blocked.json.url!).searchParams.get("error")).toBe("RateLimited");
    // Past the route's check (a race), next-auth's authorize refuses too: its error becomes ?error=RateLimited.
    await expect(authorize(user.email, PASSWORD)).rejects.toThrow("RateLimited");
    // Another account from the same addresses is unaffected.
    const other = await createUser("unlocked");
    expect(await authorize(other.email, PASSWORD)).toMatchObject({ id: other.id });
  });

  it("answers 429 with Retry-After after repeated failures from one client IP, across accounts", async () => {
    process.env.PHAROS_SIGNIN_FAILURES_PER_IP = "6";
    try {
      const ip = freshIp();
      for (let i = 0; i < 6; i++) expect(await authorize(uniqueEmail("spray"), "guess", ip)).toBeNull();
      const blocked = await postSignIn(uniqueEmail("spray"), "guess", ip);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      // Only the address the web server stamped counts, not X-Forwarded-For (tests/e2e/client-ip.test.ts: the server overwrites the stamp).
      const user = await createUser("same-ip");
      await expect(authorizeFn({ email: user.email, password: PASSWORD }, { headers: { "x-forwarded-for": "1.2.3.4", "x-pharos-client-ip": ip } })).rejects.toThrow("RateLimited");
      expect(await authorize(user.email, PASSWORD)).toMatchObject({ id: user.id });
    } finally {
      delete process.env.PHAROS_SIGNIN_FAILURES_PER_IP;
    }
  });
});

describe("sign-up", () => {
  it("answers the same for a new and an existing email (without SMTP), and creates nothing for the existing one", async () => {
    const existing = await createUser("taken");
    const fresh = uniqueEmail("fresh");
    const a = await signUp({ email: fresh, password: "long enough pw" });
    const b = await signUp({ email: existing.email, password: "long enough pw" });
    expect(a.status).toBe(b.status);
    expect(a.status).toBeLessThan(300);
    expect(a.json).toEqual(b.json);
    expect(await db.user.count({ where: { email: fresh } })).toBe(1);
    expect(await db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("answers concurrent sign-ups for one new email as a single one, never with a conflict", async () => {
    // Room for all of them under the per-address limit (a third of the per-client one).
    process.env.PHAROS_SIGNUP_PER_IP_PER_HOUR = "30";
    try {
      const email = uniqueEmail("racing");
      const answers = await Promise.all(Array.from({ length: 8 }, () => signUp({ email, password: "long enough pw" })));
      const normal = await signUp({ email: uniqueEmail("calm"), password: "long enough pw" });
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(normal.status));
      for (const a of answers) expect(a.json).toEqual(normal.json);
      const users = await db.user.findMany({ where: { email }, select: { id: true } });
      expect(users).toHaveLength(1);
      // One org for the one account: the losers' transactions left nothing behind.
      expect(await db.membership.count({ where: { userId: users[0]!.id } })).toBe(1);
    } finally {
      delete process.env.PHAROS_SIGNUP_PER_IP_PER_HOUR;
    }
  });

  it("answers the same with SMTP configured; the existing account's owner is told by mail", async () => {
    const smtp = smtpSink();
    process.env.PHAROS_SMTP_URL = await smtp.start();
    process.env.PHAROS_MAIL_FROM = "pharos@example.test";
    try {
      const existing = await createUser("taken-mail");
      await db.user.update({ where: { id: existing.id }, data: { emailVerifiedAt: new Date() } });
      const fresh = uniqueEmail("fresh-mail");
      const a = await signUp({ email: fresh, password: "long enough pw" });
      const b = await signUp({ email: existing.email, password: "long enough pw" });
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(a.json).toEqual(b.json);
      expect((await smtp.mailsTo(fresh))[0]!.text).toMatch(/verify-email\?token=/);
      const told = (await smtp.mailsTo(existing.email))[0]!.text;
      expect(told).toMatch(/already have an account/i);
      expect(told).not.toMatch(/token=/);
    } finally {
      delete process.env.PHAROS_SMTP_URL;
      delete process.env.PHAROS_MAIL_FROM;
      await smtp.close();
    }
  });

  it("is limited per client IP with Retry-After", async () => {
    process.env.PHAROS_SIGNUP_PER_IP_PER_HOUR = "3";
    try {
      const ip = freshIp();
      for (let i = 0; i < 3; i++) expect((await signUp({ email: uniqueEmail("burst"), password: "long enough pw" }, ip)).status).toBeLessThan(300);
      const blocked = await signUp({ email: uniqueEmail("burst"), password: "long enough pw" }, ip);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await signUp({ email: uniqueEmail("burst"), password: "long enough pw" })).status).toBeLessThan(300);
    } finally {
      delete process.env.PHAROS_SIGNUP_PER_IP_PER_HOUR;
    }
  });
});
