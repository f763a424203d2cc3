import { describe, expect, it } from "vitest";
import * as keyRoute from "@/app/api/projects/[projectId]/api-keys/[apiKeyId]/route";
import * as keysRoute from "@/app/api/projects/[projectId]/api-keys/route";
import * as publicProjects from "@/app/api/public/projects/route";
import { db } from "@/lib/db";
import { addMember, createOrgAndProject } from "../factories";
import { basic, call } from "../support/route";

describe("API keys", () => {
  it("shows the secret once, stores only its hash, and authenticates by Bearer and Basic", async () => {
    const t = await createOrgAndProject("keys");
    const created = await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { note: "backend" } });
    expect(created.status).toBe(201);
    const { id, publicKey, secretKey } = created.json;
    expect(publicKey).toMatch(/^pk-/);
    expect(secretKey).toMatch(/^sk-/);

    const listed = await call(keysRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.apiKeys).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(secretKey);

    const rows = await db.$queryRaw<Record<string, unknown>[]>`select * from api_keys where project_id = ${t.project.id}`;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secretKey);
    expect(JSON.stringify(rows)).not.toContain(secretKey.slice(6, 30));

    for (const authorization of [`Bearer ${secretKey}`, basic(publicKey, secretKey)]) {
      const res = await call(publicProjects.GET, "GET", { authorization });
      expect(res.status).toBe(200);
      expect(res.json.project.id).toBe(t.project.id);
      expect(res.json.apiKey.id).toBe(id);
    }
  });

  it("rejects wrong secrets, public-only keys on secret routes, and revoked keys", async () => {
    const t = await createOrgAndProject("revoke");
    const { json: key } = await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: {} });

    expect((await call(publicProjects.GET, "GET", {})).status).toBe(401);
    expect((await call(publicProjects.GET, "GET", { authorization: `Bearer sk-${"x".repeat(30)}` })).status).toBe(401);
    expect((await call(publicProjects.GET, "GET", { authorization: basic(key.publicKey, `sk-${"y".repeat(30)}`) })).status).toBe(401);
    const publicOnly = await call(publicProjects.GET, "GET", { authorization: `Bearer ${key.publicKey}` });
    expect(publicOnly.status).toBe(403);
    expect(publicOnly.json.error.code).toBe("FORBIDDEN");

    // Warm the in-memory cache, then revoke: the key must stop working at once.
    expect((await call(publicProjects.GET, "GET", { authorization: `Bearer ${key.secretKey}` })).status).toBe(200);
    const revoked = await call(keyRoute.DELETE, "DELETE", { params: { projectId: t.project.id, apiKeyId: key.id }, cookie: t.owner.cookie });
    expect(revoked.status).toBe(200);
    const after = await call(publicProjects.GET, "GET", { authorization: `Bearer ${key.secretKey}` });
    expect(after.status).toBe(401);
    expect(after.json.error).toMatchObject({ code: "UNAUTHORIZED" });
    const listed = await call(keysRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie });
    expect(listed.json.apiKeys[0].revokedAt).not.toBeNull();
  });

  it("records when a key was last used", async () => {
    const t = await createOrgAndProject("lastused");
    const { json: key } = await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: {} });
    await call(publicProjects.GET, "GET", { authorization: `Bearer ${key.secretKey}` });
    await expect.poll(async () => (await db.apiKey.findFirst({ where: { projectId: t.project.id } }))?.lastUsedAt, { timeout: 5000 }).not.toBeNull();
  });

  it("lets engineers manage keys but not viewers, pms or annotators", async () => {
    const t = await createOrgAndProject("keyroles");
    const engineer = await addMember(t, "engineer");
    expect((await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: engineer.cookie, body: {} })).status).toBe(201);
    for (const role of ["viewer", "pm", "annotator"] as const) {
      const member = await addMember(t, role);
      const res = await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: member.cookie, body: {} });
      expect(res.status, role).toBe(403);
      expect(res.json.error.code).toBe("FORBIDDEN");
    }
    // A project override narrows an org engineer to a viewer here.
    const narrowed = await addMember(t, "engineer", "viewer");
    expect((await call(keysRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: narrowed.cookie, body: {} })).status).toBe(403);
    expect(await db.apiKey.count({ where: { projectId: t.project.id } })).toBe(1);
  });
});
