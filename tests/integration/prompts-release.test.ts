import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as auditRoute from "@/app/api/projects/[projectId]/audit/route";
import * as closeRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/close/route";
import * as rebaseRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/rebase/route";
import * as crRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/route";
import * as rollbackRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/labels/[label]/rollback/route";
import * as historyRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/labels/[label]/route";
import * as releaseWebhookRoute from "@/app/api/projects/[projectId]/settings/release-webhook/route";
import * as releaseWebhookTestRoute from "@/app/api/projects/[projectId]/settings/release-webhook/test/route";
import * as publicPromptsRoute from "@/app/api/public/prompts/route";
import { db } from "@/lib/db";
import { startBoss } from "@/lib/jobs/boss";
import { registerPromptJobs } from "@/lib/jobs/prompt-jobs";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { merge, promptWithVersions, propose, review, setPolicy, type Tenant } from "../support/prompts";
import { call } from "../support/route";

const label = (projectId: string, promptId: string, name: string) => db.promptLabel.findUnique({ where: { projectId_promptId_label: { projectId, promptId, label: name } } });

/** production → v1 through the flow: owner proposes, an admin approves, the owner merges. */
async function productionAtV1(t: Tenant, admin: Member, promptId: string) {
  const cr = await propose(t, t.owner, promptId, "production", 1);
  expect((await review(t, admin, promptId, cr.json.changeRequest.id, "approve")).status).toBe(201);
  expect((await merge(t, t.owner, promptId, cr.json.changeRequest.id)).status).toBe(200);
}

describe("change requests: the policy matrix", () => {
  it("default production policy: one approval by an owner or admin, not the author's own; the engineer may merge once approved", async () => {
    const t = await createOrgAndProject("policy-default");
    const engineer = await addMember(t, "engineer");
    const pm = await addMember(t, "pm");
    const id = await promptWithVersions(t, engineer, "answer", 2);
    const opened = await propose(t, engineer, id, "production", 2);
    expect(opened.status).toBe(201);
    const crId = opened.json.changeRequest.id;
    expect(opened.json.changeRequest).toMatchObject({ status: "open", baseVersion: null, mergeable: false, approvals: { required: 1, approvedBy: [] } });

    // Ineligible reviewers are refused with the reason; a PM may still comment.
    expect((await review(t, engineer, id, crId, "approve")).status).toBe(403);
    const pmApprove = await review(t, pm, id, crId, "approve");
    expect(pmApprove.status).toBe(403);
    expect(pmApprove.json.error.message).toMatch(/owners, admins approve; your role is pm/);
    expect((await review(t, pm, id, crId, "comment", "Looks fine to me")).status).toBe(201);
    expect((await merge(t, engineer, id, crId)).status).toBe(409);
    expect(await label(t.project.id, id, "production")).toBeNull();

    const approved = await review(t, t.owner, id, crId, "approve");
    expect(approved.json.changeRequest).toMatchObject({ mergeable: true, approvals: { approvedBy: [t.owner.user.id] } });
    const merged = await merge(t, engineer, id, crId);
    expect(merged.status).toBe(200);
    expect(merged.json.move).toMatchObject({ label: "production", fromVersion: null, toVersion: 2, kind: "merge", revision: 1 });
    expect(await label(t.project.id, id, "production")).toMatchObject({ version: 2, revision: 1 });
  });

  it("self-approval is refused when off and allowed when on; approvals count per distinct eligible user; named members", async () => {
    const t = await createOrgAndProject("policy-matrix");
    const admin = await addMember(t, "admin");
    const pm = await addMember(t, "pm");
    const pm2 = await addMember(t, "pm");
    const id = await promptWithVersions(t, t.owner, "matrix", 3);

    const own = await propose(t, t.owner, id, "production", 1);
    const self = await review(t, t.owner, id, own.json.changeRequest.id, "approve");
    expect(self.status).toBe(403);
    expect(self.json.error.message).toMatch(/self-approval is off/);
    expect((await setPolicy(t, id, { label: "production", requiredApprovals: 1, allowSelfApproval: true })).status).toBe(200);
    expect((await review(t, t.owner, id, own.json.changeRequest.id, "approve")).status).toBe(201);
    expect((await merge(t, t.owner, id, own.json.changeRequest.id)).status).toBe(200);

    // Two approvals from named members only: the admin is not named; one PM approving twice is one approval.
    const policy = await setPolicy(t, id, { label: "production", requiredApprovals: 2, approverRoles: [], approverUserIds: [pm.user.id, pm2.user.id] });
    expect(policy.json).toMatchObject({ source: "prompt", requiredApprovals: 2, approverUserIds: [pm.user.id, pm2.user.id] });
    const cr = (await propose(t, t.owner, id, "production", 2)).json.changeRequest.id;
    expect((await review(t, admin, id, cr, "approve")).status).toBe(403);
    await review(t, pm, id, cr, "approve");
    const twice = await review(t, pm, id, cr, "approve");
    expect(twice.json.changeRequest.approvals.approvedBy).toEqual([pm.user.id]);
    const early = await merge(t, t.owner, id, cr);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/needs 2 approvals .* has 1/);
    await review(t, pm2, id, cr, "approve");
    expect((await merge(t, t.owner, id, cr)).status).toBe(200);

    // A named member who leaves stops counting.
    const unknownMember = await setPolicy(t, id, { label: "production", requiredApprovals: 1, approverUserIds: ["not-a-member"] });
    expect(unknownMember.status).toBe(400);
    expect(unknownMember.json.error.message).toContain("body.approverUserIds.0");
  });

  it("a request for changes blocks the merge until that reviewer approves", async () => {
    const t = await createOrgAndProject("policy-blocks");
    const a1 = await addMember(t, "admin");
    const a2 = await addMember(t, "admin");
    const id = await promptWithVersions(t, t.owner, "blocks", 1);
    const cr = (await propose(t, t.owner, id, "production", 1)).json.changeRequest.id;
    await review(t, a1, id, cr, "approve");
    expect((await review(t, a2, id, cr, "request_changes", "The refund window is wrong")).status).toBe(201);
    const blocked = await merge(t, t.owner, id, cr);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.message).toContain("changes requested");
    await review(t, a2, id, cr, "approve");
    expect((await merge(t, t.owner, id, cr)).status).toBe(200);
  });

  it("requirePassingRun needs a run gate (the gate itself: prompts-gate.test.ts)", async () => {
    const t = await createOrgAndProject("policy-run");
    const id = await promptWithVersions(t, t.owner, "run", 1);
    const res = await setPolicy(t, id, { label: "staging", requiredApprovals: 0, requirePassingRun: true });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^body\.runGate: required when requirePassingRun is on/);
    const unknown = await setPolicy(t, id, { label: "staging", requiredApprovals: 0, requirePassingRun: true, runGate: { dataset: "nope", evaluators: [{ type: "json_valid" }], minPassRate: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toMatch(/^body\.runGate\.dataset: dataset "nope" not found/);
  });
});

describe("change requests: stale, rebase, close", () => {
  it("a request opened before the label moved cannot merge; rebased, its approvals are dropped and it merges after a new approval", async () => {
    const t = await createOrgAndProject("stale");
    const admin = await addMember(t, "admin");
    const id = await promptWithVersions(t, t.owner, "stale", 3);
    await productionAtV1(t, admin, id);
    const a = (await propose(t, t.owner, id, "production", 2)).json.changeRequest.id;
    const b = (await propose(t, t.owner, id, "production", 3)).json.changeRequest.id;
    await review(t, admin, id, a, "approve");
    await review(t, admin, id, b, "approve");
    expect((await merge(t, t.owner, id, a)).status).toBe(200);

    const stale = await merge(t, t.owner, id, b);
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/^Stale: label production moved/);
    const detail = await call(crRoute.GET, "GET", { params: { projectId: t.project.id, promptId: id, changeRequestId: b }, cookie: t.owner.cookie });
    expect(detail.json.changeRequest).toMatchObject({ stale: true, mergeable: false, labelVersion: 2 });
    expect(detail.json.proposed.version).toBe(3);
    expect(detail.json.base.version).toBe(1);

    const rebased = await call(rebaseRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, changeRequestId: b }, cookie: t.owner.cookie });
    expect(rebased.status).toBe(200);
    expect(rebased.json.changeRequest).toMatchObject({ stale: false, baseVersion: 2, round: 2, mergeable: false, approvals: { approvedBy: [] } });
    await review(t, admin, id, b, "approve");
    expect((await merge(t, t.owner, id, b)).status).toBe(200);
    expect(await label(t.project.id, id, "production")).toMatchObject({ version: 3, revision: 3 });

    const c = (await propose(t, t.owner, id, "production", 1)).json.changeRequest.id;
    expect((await call(closeRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, changeRequestId: c }, cookie: t.owner.cookie, body: { reason: "not needed" } })).json.changeRequest.status).toBe("closed");
    expect((await merge(t, t.owner, id, c)).status).toBe(409);
  });
});

describe("atomic label moves", () => {
  it("20 concurrent merges of one request move the label once, with one move and one audit row", async () => {
    const t = await createOrgAndProject("race-merge");
    const admin = await addMember(t, "admin");
    const id = await promptWithVersions(t, t.owner, "race", 2);
    await productionAtV1(t, admin, id);
    const cr = (await propose(t, t.owner, id, "production", 2)).json.changeRequest.id;
    await review(t, admin, id, cr, "approve");

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => merge(t, i % 2 ? admin : t.owner, id, cr)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await db.promptLabelMove.count({ where: { projectId: t.project.id, promptId: id, changeRequestId: cr } })).toBe(1);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: "prompt.label.merge", resourceId: `${id}:production`, after: { path: ["changeRequestId"], equals: cr } } })).toBe(1);
    expect(await label(t.project.id, id, "production")).toMatchObject({ version: 2, revision: 2 });
  });

  it("20 concurrent approvals under autoMerge (2 required) move the label exactly once", async () => {
    const t = await createOrgAndProject("race-approve");
    const admins = await Promise.all(Array.from({ length: 20 }, () => addMember(t, "admin")));
    const id = await promptWithVersions(t, t.owner, "race", 1);
    await setPolicy(t, id, { label: "production", requiredApprovals: 2, autoMerge: true });
    const cr = (await propose(t, t.owner, id, "production", 1)).json.changeRequest.id;

    const results = await Promise.all(admins.map((a) => review(t, a, id, cr, "approve")));
    // Approvals until the second one merged; the rest find the request merged.
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).every((r) => /already merged/.test(r.json.error.message))).toBe(true);
    expect(await db.promptLabelMove.count({ where: { projectId: t.project.id, promptId: id } })).toBe(1);
    expect(await db.auditLog.count({ where: { projectId: t.project.id, action: { startsWith: "prompt.label." } } })).toBe(1);
    expect(await label(t.project.id, id, "production")).toMatchObject({ version: 1, revision: 1 });
  });
});

describe("rollback", () => {
  it("owners roll back to a version that held the label, with a reason; refused without one, for engineers, and to a version that never held it", async () => {
    const t = await createOrgAndProject("rollback");
    const admin = await addMember(t, "admin");
    const engineer = await addMember(t, "engineer");
    const id = await promptWithVersions(t, t.owner, "rb", 3);
    await productionAtV1(t, admin, id);
    const cr = (await propose(t, t.owner, id, "production", 2)).json.changeRequest.id;
    await review(t, admin, id, cr, "approve");
    await merge(t, t.owner, id, cr);
    const rollback = (who: Member, body: Record<string, unknown>) => call(rollbackRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, label: "production" }, cookie: who.cookie, body });

    const noReason = await rollback(t.owner, { version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain("body.reason");
    expect((await rollback(t.owner, { version: 1, reason: "   " })).json.error.message).toContain("body.reason");
    expect((await rollback(engineer, { version: 1, reason: "bad answers" })).status).toBe(403);
    const never = await rollback(t.owner, { version: 3, reason: "x" });
    expect(never.status).toBe(400);
    expect(never.json.error.message).toContain("body.version");

    const ok = await rollback(t.owner, { version: 1, reason: "v2 answers refunds wrongly" });
    expect(ok.status).toBe(200);
    expect(ok.json.move).toMatchObject({ kind: "rollback", fromVersion: 2, toVersion: 1, reason: "v2 answers refunds wrongly" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { projectId: t.project.id, action: "prompt.label.rollback" } });
    expect(audit.after).toMatchObject({ emergency: true, reason: "v2 answers refunds wrongly", version: 1 });
    expect(audit.actorUserId).toBe(t.owner.user.id);
    const history = await call(historyRoute.GET, "GET", { params: { projectId: t.project.id, promptId: id, label: "production" }, cookie: t.owner.cookie });
    expect(history.json).toMatchObject({ version: 1, rollbackTargets: [2] });
    expect(history.json.moves.map((m: { kind: string }) => m.kind)).toEqual(["rollback", "merge", "merge"]);
  });
});

describe("public API", () => {
  it("POST creates versions from CI; proposeFor opens a request and never moves a protected label; GET lists labels", async () => {
    const t = await createOrgAndProject("public-prompts");
    const key = await createKey(t.project);
    const post = (body: Record<string, unknown>) => call(publicPromptsRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body });
    const created = await post({ name: "ci/answer", type: "text", template: "A: {{q}}", commitMessage: "from CI", proposeFor: "production" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "ci/answer", version: 1, changeRequest: { label: "production", version: 1, status: "open", mergeable: false } });
    const promptId = (await db.prompt.findFirstOrThrow({ where: { projectId: t.project.id, name: "ci/answer" } })).id;
    expect(await label(t.project.id, promptId, "production")).toBeNull();

    // Same content again: 200, and the same open request (CI re-runs).
    const again = await post({ name: "ci/answer", type: "text", template: "A: {{q}}", proposeFor: "production" });
    expect(again.status).toBe(200);
    expect(again.json.changeRequest.id).toBe(created.json.changeRequest.id);
    // Even a policy that auto-merges cannot move a label that needs approvals.
    await setPolicy(t, promptId, { label: "production", requiredApprovals: 1, autoMerge: true });
    const v2 = await post({ name: "ci/answer", type: "text", template: "B: {{q}}", proposeFor: "production" });
    expect(v2.json.changeRequest).toMatchObject({ status: "open", version: 2 });
    expect(await label(t.project.id, promptId, "production")).toBeNull();
    // An unprotected label whose policy auto-merges moves at once.
    await setPolicy(t, promptId, { label: "dev", requiredApprovals: 0, autoMerge: true });
    const dev = await post({ name: "ci/answer", type: "text", template: "C: {{q}}", proposeFor: "dev" });
    expect(dev.json.changeRequest).toMatchObject({ status: "merged", version: 3 });
    expect(await label(t.project.id, promptId, "dev")).toMatchObject({ version: 3 });
    const move = await db.promptLabelMove.findFirstOrThrow({ where: { projectId: t.project.id, label: "dev" } });
    expect(move.actorApiKey).toBe(key.publicKey);

    const list = await call(publicPromptsRoute.GET, "GET", { authorization: `Bearer ${key.secretKey}` });
    expect(list.json.prompts).toEqual([expect.objectContaining({ name: "ci/answer", latestVersion: 3, labels: { latest: 3, dev: 3 } })]);
    const bad = await post({ name: "ci/answer", type: "text", template: "x", proposeFor: "latest" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("body.proposeFor");
  });
});

describe("audit trail, notification and webhook", () => {
  const received: { body: { text: string; pharos: Record<string, unknown> } }[] = [];
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ body: JSON.parse(data) });
      res.writeHead(200).end("ok");
    });
  });
  let hookUrl = "";
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/release`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("every proposal, approval, rejection, merge, rollback and policy change is audited and listed with filters", async () => {
    const t = await createOrgAndProject("audit");
    const admin = await addMember(t, "admin");
    const id = await promptWithVersions(t, t.owner, "audited", 2);
    await setPolicy(t, id, { label: "production", requiredApprovals: 1 });
    const cr = (await propose(t, t.owner, id, "production", 1)).json.changeRequest.id;
    await review(t, admin, id, cr, "request_changes", "typo");
    await review(t, admin, id, cr, "approve");
    await merge(t, t.owner, id, cr);
    const cr2 = (await propose(t, t.owner, id, "production", 2)).json.changeRequest.id;
    await review(t, admin, id, cr2, "approve");
    await merge(t, t.owner, id, cr2);
    const rb = await call(rollbackRoute.POST, "POST", { params: { projectId: t.project.id, promptId: id, label: "production" }, cookie: t.owner.cookie, body: { version: 1, reason: "v2 is wrong" } });
    expect(rb.status).toBe(200);
    const list = async (query: Record<string, string>) => (await call(auditRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query })).json;

    const all = await list({ action: "prompt." });
    expect(all.entries.map((e: { action: string }) => e.action).reverse()).toEqual([
      "prompt.version.create", "prompt.version.create", "prompt.policy.update", "prompt.change_request.open",
      "prompt.change_request.request_changes", "prompt.change_request.approve", "prompt.label.merge",
      "prompt.change_request.open", "prompt.change_request.approve", "prompt.label.merge", "prompt.label.rollback",
    ]);
    expect(all.users[t.owner.user.id].email).toBe(t.owner.user.email);
    const page1 = await list({ action: "prompt.", limit: "3" });
    const page2 = await list({ action: "prompt.", limit: "3", cursor: page1.nextCursor });
    const page3 = await list({ action: "prompt.", limit: "3", cursor: page2.nextCursor });
    const page4 = await list({ action: "prompt.", limit: "3", cursor: page3.nextCursor });
    expect([...page1.entries, ...page2.entries, ...page3.entries, ...page4.entries].map((e: { id: string }) => e.id)).toEqual(all.entries.map((e: { id: string }) => e.id));
    expect(page4.nextCursor).toBeNull();
    expect((await list({ actorUserId: admin.user.id })).entries).toHaveLength(3);
    expect((await list({ action: "prompt.label.rollback" })).entries[0].after).toMatchObject({ emergency: true, reason: "v2 is wrong" });
    expect((await list({ resourceType: "prompt_policy" })).entries[0].after).toMatchObject({ requiredApprovals: 1, source: "prompt" });
    const engineer = await addMember(t, "engineer");
    expect((await call(auditRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: engineer.cookie })).status).toBe(403);
  });

  it("a label move notifies pharos_prompt_labels with the project id and POSTs the release webhook through the worker", async () => {
    const t = await createOrgAndProject("release-hook");
    const admin = await addMember(t, "admin");
    const blocked = await call(releaseWebhookRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { url: "http://169.254.169.254/latest" } });
    expect(blocked.status).toBe(400);
    expect(blocked.json.error.message).toContain("body.url");
    expect((await call(releaseWebhookRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { url: hookUrl } })).status).toBe(200);
    const id = await promptWithVersions(t, t.owner, "hooked", 1);

    const listener = new pg.Client({ connectionString: inject("databaseUrl") });
    await listener.connect();
    const notes: string[] = [];
    listener.on("notification", (n) => n.channel === "pharos_prompt_labels" && notes.push(n.payload ?? ""));
    await listener.query("listen pharos_prompt_labels");
    const boss = await startBoss(inject("databaseUrl"));
    try {
      await registerPromptJobs(boss, { schedule: false });
      await productionAtV1(t, admin, id);
      await expect.poll(() => notes.includes(t.project.id), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => received.find((r) => r.body.pharos.label === "production" && (r.body.pharos.prompt as { name: string }).name === "hooked"), { timeout: 30_000, interval: 250 }).toBeTruthy();
      const hit = received.find((r) => (r.body.pharos.prompt as { name: string }).name === "hooked")!;
      expect(hit.body.pharos).toMatchObject({ kind: "merge", version: 1, fromVersion: null, event: "prompt.label.moved" });
      expect(hit.body.text).toContain("production → v1");
      const event = await db.promptReleaseEvent.findFirstOrThrow({ where: { projectId: t.project.id } });
      expect(event).toMatchObject({ deliveryStatus: "delivered", deliveryAttempts: 1 });
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await listener.end();
    }
  });

  it("'Send test' posts a test event to the release webhook at once and reports it; without a URL it says so", async () => {
    const t = await createOrgAndProject("release-hook-test");
    const send = (who: Member) => call(releaseWebhookTestRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: who.cookie });
    const none = await send(t.owner);
    expect(none.status).toBe(409);
    expect(none.json.error.message).toContain("No release webhook");
    expect((await call(releaseWebhookRoute.PUT, "PUT", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { url: hookUrl } })).status).toBe(200);
    const sent = await send(t.owner);
    expect(sent.json).toMatchObject({ delivered: true, status: 200, error: null });
    const hit = received.find((r) => r.body.pharos.id === sent.json.eventId)!;
    expect(hit.body.pharos).toMatchObject({ kind: "test", event: "prompt.release.test" });
    expect(hit.body.text).toContain("release webhook test");
    expect(await db.promptReleaseEvent.findFirstOrThrow({ where: { projectId: t.project.id, id: sent.json.eventId } })).toMatchObject({ kind: "test", deliveryStatus: "delivered" });
    expect((await send(await addMember(t, "engineer"))).status).toBe(403);
  });

  it("keeps the release webhook URL write-only: answers and audit rows show it masked, the masked value sent back keeps it, a new one replaces it", async () => {
    const t = await createOrgAndProject("release-hook-masked");
    const p = { projectId: t.project.id };
    const origin = new URL(hookUrl).origin;
    const secretUrl = `${hookUrl}/services/abcdefghijklmnopqrstuvwx7c3d`;
    const put = (url: string | null) => call(releaseWebhookRoute.PUT, "PUT", { params: p, cookie: t.owner.cookie, body: { url } });
    const stored = async () => (await db.projectSettings.findUnique({ where: { projectId: t.project.id } }))?.releaseWebhookUrl ?? null;

    const saved = await put(secretUrl);
    expect(saved.json).toEqual({ url: `${origin}/…/••••7c3d` });
    const shown = await call(releaseWebhookRoute.GET, "GET", { params: p, cookie: t.owner.cookie });
    expect(shown.json.url).toBe(`${origin}/…/••••7c3d`);
    expect(JSON.stringify(shown.json)).not.toContain("abcdefghijklmnopqrstuvwx");

    // The settings form sends back what it showed: nothing changes, nothing is audited.
    expect((await put(`${origin}/…/••••7c3d`)).json).toEqual({ url: `${origin}/…/••••7c3d` });
    expect(await stored()).toBe(secretUrl);
    const wrongMask = await put(`${origin}/…/••••0000`);
    expect(wrongMask.status).toBe(400);
    expect(wrongMask.json.error.message).toMatch(/^body\.url: this is a masked webhook URL/);
    const sent = await call(releaseWebhookTestRoute.POST, "POST", { params: p, cookie: t.owner.cookie });
    expect(sent.json).toMatchObject({ delivered: true, status: 200 });

    const replacement = `${hookUrl}/services/zyxwvutsrqponmlkjihgfedc5e6f`;
    expect((await put(replacement)).json).toEqual({ url: `${origin}/…/••••5e6f` });
    expect(await stored()).toBe(replacement);
    expect((await put(null)).json).toEqual({ url: null });
    expect(await stored()).toBeNull();

    const audits = await db.auditLog.findMany({ where: { projectId: t.project.id, action: "project.release_webhook.update" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ url: null }, { url: `${origin}/…/••••7c3d`, replaced: true }],
      [{ url: `${origin}/…/••••7c3d` }, { url: `${origin}/…/••••5e6f`, replaced: true }],
      [{ url: `${origin}/…/••••5e6f` }, { url: null, replaced: false }],
    ]);
  });
});
