// #14 item 8: the membership rules hold under concurrent requests (real route handlers, real
// Postgres, real parallel transactions), and a project-level admin override does not reach
// org-wide member and invite management (the members page's rule: org role and project role).
import { describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/invites/[token]/accept/route";
import * as inviteRoute from "@/app/api/projects/[projectId]/invites/[inviteId]/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as memberRoute from "@/app/api/projects/[projectId]/members/[userId]/route";
import { db } from "@/lib/db";
import { addMember, createOrgAndProject, createUser, sessionCookie } from "../factories";
import { call } from "../support/route";

const tokenOf = (path: string) => path.split("/").pop()!;

describe("membership under concurrency", () => {
  it("two owners demoting each other at once never leave the org without an owner", async () => {
    for (let round = 0; round < 8; round++) {
      const t = await createOrgAndProject(`owners-${round}`);
      const second = await addMember(t, "owner");
      const p = { projectId: t.project.id };
      const [a, b] = await Promise.all([
        call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: second.user.id }, cookie: t.owner.cookie, body: { role: "admin" } }),
        call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: t.owner.user.id }, cookie: second.cookie, body: { role: "admin" } }),
      ]);
      // The loser hears 409 when it ran under the winner's lock, or 403 when it started after the
      // winner committed (it is no owner any more): either way one demotion happened.
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      expect([a.status, b.status].filter((s) => s !== 200).every((s) => s === 409 || s === 403)).toBe(true);
      expect(await db.membership.count({ where: { orgId: t.org.id, role: "owner" } })).toBe(1);
    }
  });

  it("two owners removing each other at once never leave the org without an owner", async () => {
    for (let round = 0; round < 8; round++) {
      const t = await createOrgAndProject(`owners-rm-${round}`);
      const second = await addMember(t, "owner");
      const p = { projectId: t.project.id };
      const results = await Promise.all([
        call(memberRoute.DELETE, "DELETE", { params: { ...p, userId: second.user.id }, cookie: t.owner.cookie }),
        call(memberRoute.DELETE, "DELETE", { params: { ...p, userId: t.owner.user.id }, cookie: second.cookie }),
      ]);
      // 409 under the winner's lock, 404 when the loser started after it had been removed.
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 || r.status === 404)).toBe(true);
      expect(await db.membership.count({ where: { orgId: t.org.id, role: "owner" } })).toBe(1);
    }
  });

  it("a demoted owner cannot act on the authority it just lost", async () => {
    // Three owners: A demotes B while B demotes A. Whichever commits first wins; the other
    // actor is no longer an owner when its change applies, so it is refused.
    for (let round = 0; round < 4; round++) {
      const t = await createOrgAndProject(`owners3-${round}`);
      const b = await addMember(t, "owner");
      await addMember(t, "owner");
      const p = { projectId: t.project.id };
      const results = await Promise.all([
        call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: b.user.id }, cookie: t.owner.cookie, body: { role: "admin" } }),
        call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: t.owner.user.id }, cookie: b.cookie, body: { role: "admin" } }),
      ]);
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(await db.membership.count({ where: { orgId: t.org.id, role: "owner" } })).toBe(2);
    }
  });

  it("a single-use invite accepted by ten accounts at once joins exactly one", async () => {
    const t = await createOrgAndProject("invite-race");
    const created = await call(invitesRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { role: "engineer" } });
    const token = tokenOf(created.json.path);
    const users = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser(`racer-${i}`)));
    const cookies = await Promise.all(users.map((u) => sessionCookie(u.id)));
    const results = await Promise.all(cookies.map((cookie) => call(acceptRoute.POST, "POST", { params: { token }, cookie })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 410)).toBe(true);
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: { in: users.map((u) => u.id) } } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: t.org.id, action: "invite.accept" } })).toBe(1);
  });
});

describe("a project-level admin override is not an org admin", () => {
  it("cannot list, create or revoke the org's invites", async () => {
    const t = await createOrgAndProject("override-invites");
    const override = await addMember(t, "engineer", "admin");
    const p = { projectId: t.project.id };
    const created = await call(invitesRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { role: "viewer" } });
    expect(created.status).toBe(201);

    const list = await call(invitesRoute.GET, "GET", { params: p, cookie: override.cookie });
    expect(list.status).toBe(403);
    expect(JSON.stringify(list.json)).not.toContain(created.json.id);
    expect((await call(invitesRoute.POST, "POST", { params: p, cookie: override.cookie, body: { role: "viewer" } })).status).toBe(403);
    const revoke = await call(inviteRoute.DELETE, "DELETE", { params: { ...p, inviteId: created.json.id }, cookie: override.cookie });
    expect(revoke.status).toBe(403);
    expect((await db.invite.findFirstOrThrow({ where: { orgId: t.org.id, id: created.json.id } })).revokedAt).toBeNull();
    // The org admin still can.
    const admin = await addMember(t, "admin");
    expect((await call(invitesRoute.GET, "GET", { params: p, cookie: admin.cookie })).status).toBe(200);
    expect((await call(inviteRoute.DELETE, "DELETE", { params: { ...p, inviteId: created.json.id }, cookie: admin.cookie })).status).toBe(200);
  });

  it("cannot change anyone's project role, least of all an org admin's, nor their org role, nor remove them", async () => {
    const t = await createOrgAndProject("override-members");
    const override = await addMember(t, "engineer", "admin");
    const orgAdmin = await addMember(t, "admin");
    const pm = await addMember(t, "pm");
    const p = { projectId: t.project.id };

    const demoteAdmin = await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: orgAdmin.user.id }, cookie: override.cookie, body: { projectRole: "viewer" } });
    expect(demoteAdmin.status).toBe(403);
    const demotePm = await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: override.cookie, body: { projectRole: "viewer" } });
    expect(demotePm.status).toBe(403);
    const promoteSelf = await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: override.user.id }, cookie: override.cookie, body: { role: "admin" } });
    expect(promoteSelf.status).toBe(403);
    expect((await call(memberRoute.DELETE, "DELETE", { params: { ...p, userId: pm.user.id }, cookie: override.cookie })).status).toBe(403);
    expect(await db.projectMembership.count({ where: { projectId: t.project.id, userId: { in: [orgAdmin.user.id, pm.user.id] } } })).toBe(0);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: t.org.id, userId: override.user.id } })).role).toBe("engineer");

    // An org admin whose own project role is lowered is no manager in this project either (the page hides the controls too).
    const lowered = await addMember(t, "admin", "viewer");
    expect((await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: lowered.cookie, body: { projectRole: "viewer" } })).status).toBe(403);
    // An org admin may still override a project role of a peer, but never an owner's.
    expect((await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: pm.user.id }, cookie: orgAdmin.cookie, body: { projectRole: "viewer" } })).status).toBe(200);
    expect((await call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: t.owner.user.id }, cookie: orgAdmin.cookie, body: { projectRole: "viewer" } })).status).toBe(403);
  });
});
