import { describe, expect, it } from "vitest";
import * as signUpRoute from "@/app/api/auth/sign-up/route";
import * as acceptRoute from "@/app/api/invites/[token]/accept/route";
import * as keysRoute from "@/app/api/projects/[projectId]/api-keys/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as memberRoute from "@/app/api/projects/[projectId]/members/[userId]/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as orgProjects from "@/app/api/orgs/[orgId]/projects/route";
import * as orgsRoute from "@/app/api/orgs/route";
import { db } from "@/lib/db";
import { addMember, createOrgAndProject, sessionCookie, uniqueEmail } from "../factories";
import { call, type CallOptions } from "../support/route";

type Case = { name: string; handler: Parameters<typeof call>[0]; method: string; options: CallOptions; where: RegExp };

describe("bad input answers 400 with { error: { code, message } }, never 500", () => {
  it("covers malformed JSON, wrong types and missing fields on every body route", async () => {
    const t = await createOrgAndProject("badinput");
    const pm = await addMember(t, "pm");
    const owner = t.owner.cookie;
    const p = { projectId: t.project.id };
    const routes: Omit<Case, "options" | "where">[] = [
      { name: "sign-up", handler: signUpRoute.POST, method: "POST" },
      { name: "create org", handler: orgsRoute.POST, method: "POST" },
      { name: "create project", handler: orgProjects.POST, method: "POST" },
      { name: "rename project", handler: projectRoute.PATCH, method: "PATCH" },
      { name: "create key", handler: keysRoute.POST, method: "POST" },
      { name: "create invite", handler: invitesRoute.POST, method: "POST" },
      { name: "update member", handler: memberRoute.PATCH, method: "PATCH" },
    ];
    const params = { ...p, orgId: t.org.id, userId: pm.user.id };
    const bodies: { body?: unknown; rawBody?: string; code: string }[] = [
      { rawBody: "{not json", code: "INVALID_JSON" },
      { rawBody: "[1, 2", code: "INVALID_JSON" },
      { body: { name: 42, note: 42, role: 42, email: 42, password: 42 }, code: "INVALID" },
      { body: "a string", code: "INVALID" },
    ];
    for (const route of routes) {
      for (const b of bodies) {
        const res = await call(route.handler, route.method, { params, cookie: owner, body: b.body, rawBody: b.rawBody });
        expect(res.status, `${route.name} ${JSON.stringify(b)}`).toBe(400);
        expect(res.json.error.code, route.name).toBe(b.code);
        expect(typeof res.json.error.message).toBe("string");
      }
    }
  });

  it("says which field is wrong", async () => {
    const t = await createOrgAndProject("where");
    const missing = await call(signUpRoute.POST, "POST", { body: { password: "long enough pw" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/body\.email/);
    const badEmail = await call(signUpRoute.POST, "POST", { body: { email: "nope", password: "long enough pw" } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json.error.message).toMatch(/body\.email: must be an email/);
    const short = await call(signUpRoute.POST, "POST", { body: { email: uniqueEmail(), password: "short" } });
    expect(short.status).toBe(400);
    expect(short.json.error.message).toMatch(/body\.password: must be at least 8/);
    const empty = await call(projectRoute.PATCH, "PATCH", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { name: "   " } });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/body\.name: must not be empty/);
    const role = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "god" } });
    expect(role.status).toBe(400);
    expect(role.json.error.message).toMatch(/body\.role/);
  });

  it("writes nothing when the input is rejected", async () => {
    const t = await createOrgAndProject("nowrite");
    const tooLong = await call(orgProjects.POST, "POST", { params: { orgId: t.org.id }, cookie: t.owner.cookie, body: { name: "x".repeat(101) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error).toMatchObject({ code: "INVALID", message: expect.stringMatching(/body\.name/) });
    expect(await db.project.count({ where: { orgId: t.org.id } })).toBe(1);
  });
});

describe("sign-up", () => {
  it("creates a user who owns a new org, and leaves an existing account alone with the same answer", async () => {
    const email = uniqueEmail("Signup").toUpperCase();
    const res = await call(signUpRoute.POST, "POST", { body: { email, password: "long enough pw", name: "Ada" } });
    expect(res.status).toBe(202);
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { id: true, passwordHash: true } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(user.passwordHash).not.toContain("long enough pw");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id }, include: { org: true } });
    expect(membership.role).toBe("owner");
    expect(membership.org.name).toBe("Ada's org");

    const again = await call(signUpRoute.POST, "POST", { body: { email, password: "another password" } });
    expect(again).toMatchObject({ status: 202, json: res.json });
    expect(await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { passwordHash: true } })).toEqual({ passwordHash: user.passwordHash });
  });

  it("can be turned off for company installs (invited sign-ups still work)", async () => {
    const t = await createOrgAndProject("closed");
    process.env.PHAROS_DISABLE_SIGNUP = "true";
    try {
      const email = uniqueEmail("uninvited");
      const res = await call(signUpRoute.POST, "POST", { body: { email, password: "long enough pw" } });
      expect(res.status).toBe(403);
      expect(res.json.error.message).toMatch(/disabled/);
      expect(await db.user.count({ where: { email } })).toBe(0);

      // An admin's invite link still lets a new person in, into the inviting org and nowhere else.
      const invite = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "engineer" } });
      expect(invite.status).toBe(201);
      const invitee = uniqueEmail("invitee");
      const signed = await call(signUpRoute.POST, "POST", { body: { email: invitee, password: "long enough pw", name: "Grace", inviteToken: invite.json.token } });
      expect(signed.status).toBe(202);
      const user = await db.user.findUniqueOrThrow({ where: { email: invitee }, select: { id: true } });
      const joined = await call(acceptRoute.POST, "POST", { params: { token: invite.json.token }, cookie: await sessionCookie(user.id) });
      expect(joined.json).toMatchObject({ orgId: t.org.id, projectId: t.project.id });
      const memberships = await db.membership.findMany({ where: { user: { email: invitee } }, select: { orgId: true, role: true } });
      expect(memberships).toEqual([{ orgId: t.org.id, role: "engineer" }]);
      expect(await db.invite.findFirstOrThrow({ where: { orgId: t.org.id, id: invite.json.id } })).toMatchObject({ acceptedBy: user.id });

      // A made-up token is no way around the switch: refused, and no user is left behind.
      const forged = uniqueEmail("forged");
      const bogus = await call(signUpRoute.POST, "POST", { body: { email: forged, password: "long enough pw", inviteToken: "not-a-real-token" } });
      expect(bogus.status).toBe(404);
      expect(await db.user.count({ where: { email: forged } })).toBe(0);
    } finally {
      delete process.env.PHAROS_DISABLE_SIGNUP;
    }
  });
});
