import { describe, expect, it } from "vitest";
import * as keyRoute from "@/app/api/projects/[projectId]/api-keys/[apiKeyId]/route";
import * as keysRoute from "@/app/api/projects/[projectId]/api-keys/route";
import * as invitesRoute from "@/app/api/projects/[projectId]/invites/route";
import * as memberRoute from "@/app/api/projects/[projectId]/members/[userId]/route";
import * as membersRoute from "@/app/api/projects/[projectId]/members/route";
import * as projectRoute from "@/app/api/projects/[projectId]/route";
import * as orgProjects from "@/app/api/orgs/[orgId]/projects/route";
import * as orgsRoute from "@/app/api/orgs/route";
import * as publicProjects from "@/app/api/public/projects/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";

describe("tenant isolation", () => {
  it("answers 404 to a member of org A for every route of org B's project", async () => {
    const a = await createOrgAndProject("tenant-a");
    const b = await createOrgAndProject("tenant-b");
    const bKey = await createKey(b.project);
    const p = { projectId: b.project.id };
    const attempts = [
      call(projectRoute.GET, "GET", { params: p, cookie: a.owner.cookie }),
      call(projectRoute.PATCH, "PATCH", { params: p, cookie: a.owner.cookie, body: { name: "pwned" } }),
      call(keysRoute.GET, "GET", { params: p, cookie: a.owner.cookie }),
      call(keysRoute.POST, "POST", { params: p, cookie: a.owner.cookie, body: {} }),
      call(keyRoute.DELETE, "DELETE", { params: { ...p, apiKeyId: bKey.id }, cookie: a.owner.cookie }),
      call(membersRoute.GET, "GET", { params: p, cookie: a.owner.cookie }),
      call(memberRoute.PATCH, "PATCH", { params: { ...p, userId: b.owner.user.id }, cookie: a.owner.cookie, body: { role: "viewer" } }),
      call(invitesRoute.POST, "POST", { params: p, cookie: a.owner.cookie, body: { role: "admin" } }),
      call(orgProjects.POST, "POST", { params: { orgId: b.org.id }, cookie: a.owner.cookie, body: { name: "sneaky" } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("NOT_FOUND");
    }
    expect((await db.project.findUniqueOrThrow({ where: { id: b.project.id } })).name).toBe("tenant-b project");
    expect(await db.apiKey.count({ where: { projectId: b.project.id, revokedAt: null } })).toBe(1);
    expect(await db.project.count({ where: { orgId: b.org.id } })).toBe(1);
  });

  it("keeps an API key inside its own project", async () => {
    const a = await createOrgAndProject("key-a");
    const b = await createOrgAndProject("key-b");
    const aKey = await createKey(a.project);
    await createKey(b.project);
    const res = await call(publicProjects.GET, "GET", { authorization: `Bearer ${aKey.secretKey}` });
    expect(res.json.project.id).toBe(a.project.id);
    // A key is not a session: it cannot call the UI API of its own project either.
    const ui = await call(keysRoute.GET, "GET", { params: { projectId: a.project.id }, authorization: `Bearer ${aKey.secretKey}` });
    expect(ui.status).toBe(401);
  });

  it("lists only the caller's orgs and projects", async () => {
    const a = await createOrgAndProject("list-a");
    await createOrgAndProject("list-b");
    const res = await call(orgsRoute.GET, "GET", { cookie: a.owner.cookie });
    expect(res.status).toBe(200);
    expect(res.json.orgs).toHaveLength(1);
    expect(res.json.orgs[0].projects.map((p: { id: string }) => p.id)).toEqual([a.project.id]);
  });

  it("rejects requests without a valid session", async () => {
    const a = await createOrgAndProject("nosession");
    const forged = "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged";
    for (const cookie of [undefined, forged]) {
      const res = await call(projectRoute.GET, "GET", { params: { projectId: a.project.id }, cookie });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    }
  });
});
