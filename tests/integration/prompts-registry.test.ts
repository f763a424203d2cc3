import { describe, expect, it } from "vitest";
import * as compileRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/compile/route";
import * as diffRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/diff/route";
import * as rollbackRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/labels/[label]/rollback/route";
import * as promptRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/route";
import * as lookupRoute from "@/app/api/projects/[projectId]/prompts/lookup/route";
import * as promptsRoute from "@/app/api/projects/[projectId]/prompts/route";
import * as publicPromptsRoute from "@/app/api/public/prompts/route";
import { db } from "@/lib/db";
import { addMember, createKey, createOrgAndProject } from "../factories";
import { promptWithVersions, propose, saveVersion } from "../support/prompts";
import { call } from "../support/route";

describe("prompt registry: versions", () => {
  it("numbers versions 1, 2, 3…, extracts variables, and saving identical content creates nothing (200)", async () => {
    const t = await createOrgAndProject("prompts-versions");
    const first = await saveVersion(t, t.owner, { name: "support/answer", template: "Hi {{name}}, about {{#order}}order {{order.id}}{{/order}}: {{question}}", config: { model: "gpt-4o-mini" }, commitMessage: "first" });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ created: true, prompt: { name: "support/answer", type: "text" }, version: { version: 1, variables: ["name", "order", "question"], commitMessage: "first" } });
    expect(first.json.version.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // Same content with config keys in another order: nothing new, and it says so.
    const same = await saveVersion(t, t.owner, { name: "support/answer", template: "Hi {{name}}, about {{#order}}order {{order.id}}{{/order}}: {{question}}", config: { model: "gpt-4o-mini" }, commitMessage: "again" });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ created: false, version: { version: 1, commitMessage: "first" } });
    const second = await saveVersion(t, t.owner, { name: "support/answer", template: "Hello {{name}}: {{question}}", config: { model: "gpt-4o" } });
    expect(second.json).toMatchObject({ created: true, version: { version: 2 } });

    const chat = await saveVersion(t, t.owner, { name: "chat/bot", type: "chat", template: [{ role: "system", content: "You help {{company}}." }, { type: "placeholder", name: "history" }, { role: "user", content: "{{question}}" }] });
    expect(chat.json.version.variables).toEqual(["company", "history", "question"]);

    // By name (names hold "/"), and the list shows labels with the virtual `latest`.
    const byName = await call(lookupRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { name: "support/answer" } });
    expect(byName.status).toBe(200);
    expect(byName.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(byName.json.labels).toEqual([expect.objectContaining({ label: "latest", version: 2, virtual: true })]);
    const list = await call(promptsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie });
    expect(list.json.prompts.map((p: { name: string }) => p.name)).toEqual(["chat/bot", "support/answer"]);

    const diff = await call(diffRoute.GET, "GET", { params: { projectId: t.project.id, promptId: first.json.prompt.id }, cookie: t.owner.cookie, query: { from: "1", to: "2" } });
    expect(diff.json.from.config).toEqual({ model: "gpt-4o-mini" });
    expect(diff.json.to.template).toBe("Hello {{name}}: {{question}}");
    const audit = await db.auditLog.findMany({ where: { projectId: t.project.id, action: "prompt.version.create" } });
    expect(audit).toHaveLength(3);
  });

  it("two racing saves never share a number: 12 concurrent saves get versions 1..12", async () => {
    const t = await createOrgAndProject("prompts-race");
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => saveVersion(t, t.owner, { name: "racy", template: `content ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(results.map((r) => r.json.version.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await db.prompt.count({ where: { projectId: t.project.id } })).toBe(1);
  });

  it("bad input gets a 4xx naming the field: name, oversized template, config, type mismatch, unknown variable, moving `latest`", async () => {
    const t = await createOrgAndProject("prompts-bad");
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await saveVersion(t, t.owner, { name: "ok", template: "x", ...body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json.error.message).toContain(field);
    };
    await bad({ name: "Bad Name!" }, "body.name");
    await bad({ name: "/lead" }, "body.name");
    await bad({ template: "x".repeat(100_001) }, "body.template");
    await bad({ config: [1, 2] }, "body.config");
    await bad({ config: "temperature=1" }, "body.config");
    await bad({ type: "chat", template: "not a list" }, "body.template");
    await bad({ template: "{{#open}} never closed" }, "template");
    await bad({ type: "chat", template: [{ role: "user" }] }, "body.template");

    const id = await promptWithVersions(t, t.owner, "ok", 1);
    const compile = (variables: Record<string, unknown>) => call(compileRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id }, cookie: t.owner.cookie, body: { version: 1, variables } });
    expect((await compile({ question: "Why?" })).json).toMatchObject({ compiled: "v1: Why?" });
    const unknown = await compile({ question: "Why?", qestion: "typo" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("variables.qestion");
    const missing = await compile({});
    expect(missing.json.error.message).toContain("variables.question");

    const latest = await propose(t, t.owner, id, "latest", 1);
    expect(latest.status).toBe(400);
    expect(latest.json.error.message).toMatch(/body\.label: .*latest/);
    const rollback = await call(rollbackRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, label: "latest" }, cookie: t.owner.cookie, body: { version: 1, reason: "x" } });
    expect(rollback.status).toBe(400);
    expect(rollback.json.error.message).toContain("params.label");
    const badLabel = await propose(t, t.owner, id, "Prod Uction", 1);
    expect(badLabel.json.error.message).toContain("body.label");
    const noVersion = await propose(t, t.owner, id, "staging", 9);
    expect(noVersion.status).toBe(404);
    expect(noVersion.json.error.message).toContain("body.version");
  });

  it("roles: annotators see nothing, viewers and PMs read only, another project's members and keys get 404", async () => {
    const t = await createOrgAndProject("prompts-roles");
    const other = await createOrgAndProject("prompts-roles-other");
    const id = await promptWithVersions(t, t.owner, "roles", 1);
    const annotator = await addMember(t, "annotator");
    const viewer = await addMember(t, "viewer");
    const pm = await addMember(t, "pm");
    const engineer = await addMember(t, "engineer");
    const get = (cookie: string, projectId = t.project.id) => call(promptRoute.GET, "GET", { params: { projectId, promptId: id }, cookie });

    expect((await call(promptsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: annotator.cookie })).status).toBe(403);
    expect((await get(annotator.cookie)).status).toBe(403);
    expect((await get(viewer.cookie)).status).toBe(200);
    expect((await get(pm.cookie)).status).toBe(200);
    expect((await saveVersion(t, viewer, { name: "roles", template: "new" })).status).toBe(403);
    expect((await saveVersion(t, pm, { name: "roles", template: "new" })).status).toBe(403);
    expect((await propose(t, viewer, id, "staging", 1)).status).toBe(403);
    expect((await saveVersion(t, engineer, { name: "roles", template: "new" })).status).toBe(201);
    expect((await propose(t, engineer, id, "staging", 2)).status).toBe(201);

    // Another tenant: their user on our project is 404; our prompt id under their project is 404.
    expect((await get(other.owner.cookie)).status).toBe(404);
    expect((await get(other.owner.cookie, other.project.id)).status).toBe(404);
    const theirKey = await createKey(other.project);
    const theirList = await call(publicPromptsRoute.GET, "GET", { authorization: `Bearer ${theirKey.secretKey}` });
    expect(theirList.status).toBe(200);
    expect(theirList.json.prompts).toEqual([]);
  });
});
