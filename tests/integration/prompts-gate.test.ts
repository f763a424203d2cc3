// The prompt approval gate against real Postgres and the fake provider on 127.0.0.1: proposing
// starts the gate run (and the current version's baseline on the same snapshot), the merge is
// refused until it passes, a finished run auto-merges, a regression blocks, and an owner's
// override (with a reason) is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as overrideRoute from "@/app/api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/gate-override/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as connectionsRoute from "@/app/api/projects/[projectId]/llm-connections/route";
import * as publicPromptsRoute from "@/app/api/public/prompts/route";
import { db } from "@/lib/db";
import { executeRun } from "@/lib/runs/execute-run";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { createDataset } from "../support/datasets";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { merge, promptWithVersions, propose, review, setPolicy } from "../support/prompts";
import { call } from "../support/route";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: "sk-gate-fake-0000" });
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const limits = { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 10 } };
type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;

/** A project with golden set "golden" (3 items), connection "fake", prompt "qa" v1..v3 ("v<i>: {{question}}") and production → v1. */
async function setup(name: string) {
  const t = await createOrgAndProject(name);
  const admin = await addMember(t, "admin");
  const engineer = await addMember(t, "engineer");
  const p = { projectId: t.project.id };
  const dataset = await createDataset(t, "golden");
  for (let i = 0; i < 3; i++) {
    const res = await call(itemsRoute.POST, "POST", { params: { ...p, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: { question: `q${i}` } } });
    expect(res.status).toBe(201);
  }
  const conn = await call(connectionsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { name: "fake", baseUrl: llm.url, apiKey: "sk-gate-fake-0000", models: ["gpt-4o-mini"] } });
  expect(conn.status, JSON.stringify(conn.json)).toBe(201);
  const promptId = await promptWithVersions(t, engineer, "qa", 3);
  const first = (await propose(t, engineer, promptId, "production", 1)).json.changeRequest.id;
  await review(t, admin, promptId, first, "approve");
  expect((await merge(t, engineer, promptId, first)).status).toBe(200);
  return { t, admin, engineer, promptId };
}

/** The fake provider echoes the rendered prompt ("echo: v2: q0"): `contains "echo"` passes every version, `contains "v1"` only version 1. */
const gatePolicy = (over: Record<string, unknown> = {}, gate: Record<string, unknown> = {}) => ({
  label: "production", requiredApprovals: 1, requirePassingRun: true,
  runGate: { dataset: "golden", connection: "fake", evaluators: [{ type: "contains", value: "echo" }], minPassRate: 1, maxDropPoints: 0, ...gate }, ...over,
});
const cr = (t: Tenant, id: string) => db.promptChangeRequest.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id } } });
const runOf = (t: Tenant, id: string) => db.run.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id } } });
const production = (t: Tenant, promptId: string) => db.promptLabel.findUniqueOrThrow({ where: { projectId_promptId_label: { projectId: t.project.id, promptId, label: "production" } } });
const overrideGate = (t: Tenant, who: Member, promptId: string, changeRequestId: string, body: Record<string, unknown>) =>
  call(overrideRoute.POST, "POST", { params: { projectId: t.project.id, promptId, changeRequestId }, cookie: who.cookie, body });

describe("prompt approval gate", () => {
  it("proposing starts the gate and baseline runs on one snapshot; the merge is refused until they pass, then allowed", async () => {
    const { t, admin, engineer, promptId } = await setup("gate-pass");
    expect((await setPolicy(t, promptId, gatePolicy())).status).toBe(200);
    const opened = await propose(t, engineer, promptId, "production", 2);
    expect(opened.status).toBe(201);
    const id = opened.json.changeRequest.id as string;
    expect(opened.json.changeRequest.gate).toMatchObject({ required: true, state: "pending" });
    const row = await cr(t, id);
    const [run, baseline] = [await runOf(t, row.gateRunId!), await runOf(t, row.gateBaselineRunId!)];
    expect([run.promptVersion, baseline.promptVersion]).toEqual([2, 1]);
    expect(baseline.snapshotAt.getTime()).toBe(run.snapshotAt.getTime());

    await review(t, admin, promptId, id, "approve");
    const early = await merge(t, engineer, promptId, id);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/gate: waiting for the gate run \(0\/3 items\)/);

    expect(await executeRun({ projectId: t.project.id, runId: run.id, limits })).toEqual({ status: "succeeded" });
    expect((await merge(t, engineer, promptId, id)).json.error.message).toMatch(/waiting for the baseline run/);
    expect(await executeRun({ projectId: t.project.id, runId: baseline.id, limits })).toEqual({ status: "succeeded" });
    const merged = await merge(t, engineer, promptId, id);
    expect(merged.status, JSON.stringify(merged.json)).toBe(200);
    expect(merged.json.changeRequest.gate).toMatchObject({ state: "passed", passRate: 1, baselinePassRate: 1, dropPoints: 0 });
    expect(await production(t, promptId)).toMatchObject({ version: 2 });

    // v3 on the same snapshot: version 2 ran there, so its run is the baseline (no second run of it).
    const next = (await propose(t, engineer, promptId, "production", 3)).json.changeRequest.id as string;
    expect((await cr(t, next)).gateBaselineRunId).toBe(run.id);
  });

  it("with autoMerge, the run finishing after the approval merges the request through the one merge path", async () => {
    const { t, admin, engineer, promptId } = await setup("gate-auto");
    expect((await setPolicy(t, promptId, gatePolicy({ autoMerge: true }))).status).toBe(200);
    const id = (await propose(t, engineer, promptId, "production", 2)).json.changeRequest.id as string;
    const approved = await review(t, admin, promptId, id, "approve");
    expect(approved.json.changeRequest).toMatchObject({ status: "open", mergeable: false });
    const row = await cr(t, id);
    await executeRun({ projectId: t.project.id, runId: row.gateBaselineRunId!, limits });
    expect((await cr(t, id)).status).toBe("open");
    await executeRun({ projectId: t.project.id, runId: row.gateRunId!, limits });
    expect(await cr(t, id)).toMatchObject({ status: "merged" });
    expect(await production(t, promptId)).toMatchObject({ version: 2 });
    expect(await db.promptLabelMove.count({ where: { projectId: t.project.id, promptId, changeRequestId: id } })).toBe(1);
  });

  it("a regression beyond maxDropPoints blocks; an owner's override needs a reason, is audited, and lets it merge; engineers cannot", async () => {
    const { t, admin, engineer, promptId } = await setup("gate-drop");
    // `contains "v1"`: version 1 passes every item, version 2 none — a 100-point drop; minPassRate 0 leaves only the drop to judge.
    expect((await setPolicy(t, promptId, gatePolicy({}, { evaluators: [{ type: "contains", value: "v1" }], minPassRate: 0, maxDropPoints: 10 }))).status).toBe(200);
    const id = (await propose(t, engineer, promptId, "production", 2)).json.changeRequest.id as string;
    await review(t, admin, promptId, id, "approve");
    const row = await cr(t, id);
    await executeRun({ projectId: t.project.id, runId: row.gateRunId!, limits });
    await executeRun({ projectId: t.project.id, runId: row.gateBaselineRunId!, limits });
    const blocked = await merge(t, engineer, promptId, id);
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.message).toMatch(/pass rate dropped 100 points against version 1 \(100.0% → 0.0%; at most 10 allowed\)/);

    const byEngineer = await overrideGate(t, engineer, promptId, id, { reason: "ship it" });
    expect(byEngineer.status).toBe(403);
    expect(byEngineer.json.error.message).toMatch(/Only owners and admins/);
    const noReason = await overrideGate(t, t.owner, promptId, id, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toMatch(/reason/);
    expect((await cr(t, id)).gateOverrideReason).toBeNull();

    const overridden = await overrideGate(t, t.owner, promptId, id, { reason: "v1's answers were wrong; the golden set is being fixed" });
    expect(overridden.status, JSON.stringify(overridden.json)).toBe(200);
    expect(overridden.json.changeRequest.gate).toMatchObject({ state: "overridden", dropPoints: null, override: { byId: t.owner.user.id, reason: "v1's answers were wrong; the golden set is being fixed" } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: t.project.orgId, projectId: t.project.id, action: "prompt.gate.override" } });
    expect(audit).toMatchObject({ actorUserId: t.owner.user.id, resourceId: id, after: { state: "overridden", reason: "v1's answers were wrong; the golden set is being fixed" } });
    expect(audit.before).toMatchObject({ state: "failed", dropPoints: 100 });
    expect((await merge(t, engineer, promptId, id)).status).toBe(200);
    expect(await production(t, promptId)).toMatchObject({ version: 2 });
  });

  it("the public API's proposeFor starts the gate run", async () => {
    const { t, promptId } = await setup("gate-public");
    expect((await setPolicy(t, promptId, gatePolicy())).status).toBe(200);
    const key = await createKey(t.project);
    const res = await call(publicPromptsRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { name: "qa", type: "text", template: "v4: {{question}}", proposeFor: "production" } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.changeRequest).toMatchObject({ version: 4, status: "open", mergeable: false, gate: { required: true, state: "pending" } });
    const row = await cr(t, res.json.changeRequest.id);
    expect(await runOf(t, row.gateRunId!)).toMatchObject({ promptVersion: 4, status: "queued", total: 3 });
    expect(await runOf(t, row.gateBaselineRunId!)).toMatchObject({ promptVersion: 1 });
  });
});
