import { describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/invites/[token]/accept/route";
import * as inviteInfo from "@/app/api/invites/[token]/route";
import * as signUpRoute from "@/app/api/auth/sign-up/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as memberRoute from "@/app/api/projects/[projectId]/members/[userId]/route";
import * as membersRoute from "@/app/api/projects/[projectId]/members/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as orgProjects from "@/app/api/orgs/[orgId]/projects/route";
import { db } from "@/lib/db";
import { hashInviteToken } from "@/lib/invites/invite-token";
import { addMember, createOrgAndProject, createUser, sessionCookie, uniqueEmail } from "../factories";
import { call } from "../support/route";

const tokenOf = (path: string) => path.split("/").pop()!;

describe("members, roles and invites", () => {
  it("invites by link with a role; the link works once", async () => {
    const t = await createOrgAndProject("invite");
    const created = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "pm" } });
    expect(created.status).toBe(201);
    const token = tokenOf(created.json.path);
    const stored = await db.invite.findFirstOrThrow({ where: { orgId: t.org.id } });
    expect(stored.tokenHash).toBe(hashInviteToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const info = await call(inviteInfo.GET, "GET", { params: { token } });
    expect(info.json).toMatchObject({ orgName: "invite org", role: "pm" });

    const email = uniqueEmail("invitee");
    const signed = await call(signUpRoute.POST, "POST", { body: { email, password: "long enough pw", inviteToken: token } });
    expect(signed.status).toBe(202);
    // The new account accepts once signed in (the sign-up form does this right after signing in).
    const invitee = await db.user.findUniqueOrThrow({ where: { email } });
    const joined = await call(acceptRoute.POST, "POST", { params: { token }, cookie: await sessionCookie(invitee.id) });
    expect(joined.json.orgId).toBe(t.org.id);
    const membership = await db.membership.findFirstOrThrow({ where: { orgId: t.org.id, user: { email } } });
    expect(membership.role).toBe("pm");
    // The invitee did not get an org of their own.
    expect(await db.membership.count({ where: { user: { email } } })).toBe(1);

    const other = await createUser("late");
    const reused = await call(acceptRoute.POST, "POST", { params: { token }, cookie: await sessionCookie(other.id) });
    expect(reused.status).toBe(410);
  });

  it("rejects expired links and links locked to another email", async () => {
    const t = await createOrgAndProject("expiry");
    const created = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "viewer", email: "only@example.test" } });
    const token = tokenOf(created.json.path);
    const stranger = await createUser("stranger");
    const wrongEmail = await call(acceptRoute.POST, "POST", { params: { token }, cookie: await sessionCookie(stranger.id) });
    expect(wrongEmail.status).toBe(403);

    await db.invite.updateMany({ where: { orgId: t.org.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(inviteInfo.GET, "GET", { params: { token } });
    expect(expired.status).toBe(410);
    expect(expired.json.error.message).toMatch(/expired/);
    expect((await call(inviteInfo.GET, "GET", { params: { token: "not-a-token" } })).status).toBe(404);
  });

  it("lets only admins manage members, and admins cannot mint owners", async () => {
    const t = await createOrgAndProject("manage");
    const admin = await addMember(t, "admin");
    const engineer = await addMember(t, "engineer");
    const pm = await addMember(t, "pm");
    const p = { projectId: t.project.id };

    expect((await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: engineer.cookie, body: { role: "admin" } })).status).toBe(403);
    expect((await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: admin.cookie, body: { role: "owner" } })).status).toBe(403);
    expect((await call(invitesRoute.POST, "POST", { params: p, cookie: admin.cookie, body: { role: "owner" } })).status).toBe(403);

    const changed = await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: admin.cookie, body: { role: "engineer" } });
    expect(changed.status).toBe(200);
    const override = await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: admin.cookie, body: { projectRole: "viewer" } });
    expect(override.status).toBe(200);
    const list = await call(membersRoute.GET, "GET", { params: p, cookie: admin.cookie });
    expect(list.json.members.find((m: { userId: string }) => m.userId === pm.user.id)).toMatchObject({ orgRole: "engineer", projectRole: "viewer", role: "viewer" });

    const audit = await db.auditLog.findMany({ where: { orgId: t.org.id, action: "member.update" } });
    expect(audit).toHaveLength(2);
  });

  it("keeps at least one owner", async () => {
    const t = await createOrgAndProject("owner");
    const res = await call(memberRoute.PATCH, "PATCH", { params: { projectId: t.project.id, userId: t.owner.user.id }, cookie: t.owner.cookie, body: { role: "admin" } });
    expect(res.status).toBe(409);
    const removed = await call(memberRoute.DELETE, "DELETE", { params: { projectId: t.project.id, userId: t.owner.user.id }, cookie: t.owner.cookie });
    expect(removed.status).toBe(409);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: t.org.id } })).role).toBe("owner");
  });

  it("keeps annotators out of settings; pms and viewers read but cannot change", async () => {
    const t = await createOrgAndProject("settings");
    const p = { projectId: t.project.id };
    const annotator = await addMember(t, "annotator");
    expect((await call(membersRoute.GET, "GET", { params: p, cookie: annotator.cookie })).status).toBe(403);
    for (const role of ["pm", "viewer"] as const) {
      const member = await addMember(t, role);
      expect((await call(membersRoute.GET, "GET", { params: p, cookie: member.cookie })).status).toBe(200);
      expect((await call(projectRoute.PATCH, "PATCH", { params: p, cookie: member.cookie, body: { name: "x" } })).status).toBe(403);
      expect((await call(orgProjects.POST, "POST", { params: { orgId: t.org.id }, cookie: member.cookie, body: { name: "x" } })).status).toBe(403);
    }
  });

  it("lets owners create and rename projects, with an audit trail", async () => {
    const t = await createOrgAndProject("projects");
    const created = await call(orgProjects.POST, "POST", { params: { orgId: t.org.id }, cookie: t.owner.cookie, body: { name: "  second  " } });
    expect(created.status).toBe(201);
    expect(created.json.name).toBe("second");
    const renamed = await call(projectRoute.PATCH, "PATCH", { params: { projectId: created.json.id }, cookie: t.owner.cookie, body: { name: "renamed" } });
    expect(renamed.json.project.name).toBe("renamed");
    const actions = (await db.auditLog.findMany({ where: { orgId: t.org.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["project.create", "project.rename"]);
  });
});
