// Comparing runs through the route handlers, against a real Postgres: supplied-output runs
// (scoring only) executed as the worker executes them, then compared.
import { describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as pairsRoute from "@/app/api/projects/[projectId]/runs/compare/pairs.jsonl/route";
import * as compareRoute from "@/app/api/projects/[projectId]/runs/compare/route";
import * as runsRoute from "@/app/api/projects/[projectId]/runs/route";
import { seedDemoPrompts } from "@/lib/bootstrap/seed-demo-prompts";
import { seedDemoRuns } from "@/lib/bootstrap/seed-demo-runs";
import { db } from "@/lib/db";
import { executeRun } from "@/lib/runs/execute-run";
import { createOrgAndProject } from "../factories";
import { createDataset, type Tenant } from "../support/datasets";
import { call } from "../support/route";

const evaluators = [{ type: "contains", values: ["refund", "days", "article"], threshold: 0.6 }];

async function goldenSet(t: Tenant, name: string, n: number) {
  const dataset = await createDataset(t, name);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: dataset.id }, cookie: t.owner.cookie, body: { input: { question: `q${i}` } } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    ids.push(res.json.itemId);
  }
  return { dataset, ids };
}

async function run(t: Tenant, datasetId: string, outputs: Array<{ itemId: string; output: string }>) {
  const res = await call(runsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { datasetId, outputs, evaluators, minPassRate: 0.5 } });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  expect(await executeRun({ projectId: t.project.id, runId: res.json.id })).toEqual({ status: expect.any(String) });
  return res.json.id as string;
}

const good = "Your refund arrives in 5 days (article: Refunds).";
const bad = "Please wait.";

describe("runs compare", () => {
  it("puts regressions first, then improvements, and reports McNemar and Wilcoxon over the paired items", async () => {
    const t = await createOrgAndProject("compare");
    const { dataset, ids } = await goldenSet(t, "golden", 8);
    // Baseline: items 0–5 pass. Later: 2 and 4 regress (pass → fail), 6 and 7 improve (fail → pass).
    const a = await run(t, dataset.id, ids.map((itemId, i) => ({ itemId, output: i < 6 ? good : bad })));
    const b = await run(t, dataset.id, ids.map((itemId, i) => ({ itemId, output: i === 2 || i === 4 ? bad : good })));
    const res = await call(compareRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { ids: `${a},${b}` } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const body = res.json;
    expect(body.dataset).toEqual({ id: dataset.id, name: "golden" });
    expect(body.runs.map((r: { id: string }) => r.id)).toEqual([a, b]);
    expect(body.rows.map((r: { itemId: string; change: string }) => [r.itemId, r.change])).toEqual([
      [ids[2], "regressed"], [ids[4], "regressed"], [ids[6], "improved"], [ids[7], "improved"],
      [ids[0], "unchanged"], [ids[1], "unchanged"], [ids[3], "unchanged"], [ids[5], "unchanged"],
    ]);
    expect(body.rows[0].cells.map((c: { output: string; passed: boolean }) => [c.output, c.passed])).toEqual([[good, true], [bad, false]]);
    expect(body.counts).toEqual({ regressed: 2, improved: 2, unchanged: 4, unpaired: 0 });
    const [cmp] = body.comparisons;
    expect(cmp).toMatchObject({ runId: b, baselineRunId: a, pairs: 8, baselinePassRate: 6 / 8, passRate: 6 / 8, mcnemar: { regressed: 2, improved: 2, discordant: 4, pValue: 1 } });
    expect(cmp.evaluators).toEqual([expect.objectContaining({ key: "contains", pairs: 8, wilcoxon: expect.objectContaining({ n: 4, wPlus: 5, wMinus: 5, method: "exact", pValue: 1 }) })]);

    const pairs = await call(pairsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { ids: `${a},${b}` } });
    expect(pairs.status).toBe(200);
    expect(pairs.headers.get("content-disposition")).toMatch(/attachment; filename="pairs-.*\.jsonl"/);
    const lines = (pairs.json as string).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toEqual({ prompt: { question: "q2" }, response_a: good, response_b: bad, metadata: { runA: a, runB: b, itemId: ids[2], change: "regressed" } });
  });

  it("refuses runs of different golden sets with a 400 naming ids, a single id, and another project's run with a 404", async () => {
    const t = await createOrgAndProject("compare-bad");
    const one = await goldenSet(t, "one", 2);
    const two = await goldenSet(t, "two", 2);
    const a = await run(t, one.dataset.id, one.ids.map((itemId) => ({ itemId, output: good })));
    const b = await run(t, two.dataset.id, two.ids.map((itemId) => ({ itemId, output: good })));
    const compare = (ids: string, cookie = t.owner.cookie) => call(compareRoute.GET, "GET", { params: { projectId: t.project.id }, cookie, query: { ids } });

    const different = await compare(`${a},${b}`);
    expect(different.status).toBe(400);
    expect(different.json.error.message).toMatch(/^query\.ids: .*different golden sets/);
    const single = await compare(a);
    expect(single.status).toBe(400);
    expect(JSON.stringify(single.json.error)).toMatch(/ids/);

    const other = await createOrgAndProject("compare-other");
    const theirs = await goldenSet(other, "one", 2);
    const c = await run(other, theirs.dataset.id, theirs.ids.map((itemId) => ({ itemId, output: good })));
    expect((await compare(`${a},${c}`)).status).toBe(404);
    expect((await call(pairsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { ids: `${c},${a}` } })).status).toBe(404);
    // Nor can the other project's owner read ours through their own project.
    expect((await call(compareRoute.GET, "GET", { params: { projectId: other.project.id }, cookie: other.owner.cookie, query: { ids: `${a},${c}` } })).status).toBe(404);
  });

  it("seeds the demo's v2 and v3 runs once, without a connection, with v3 regressing on three items and improving on four", async () => {
    const t = await createOrgAndProject("compare-demo");
    await seedDemoPrompts({ projectId: t.project.id, now: new Date() });
    const first = await seedDemoRuns({ projectId: t.project.id });
    expect(await seedDemoRuns({ projectId: t.project.id })).toEqual(first);
    expect(await db.run.count({ where: { projectId: t.project.id } })).toBe(2);
    expect(await db.llmConnection.count({ where: { projectId: t.project.id } })).toBe(0);
    const res = await call(compareRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie, query: { ids: first.runIds.join(",") } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.runs.map((r: { status: string; prompt: { version: number }; source: string }) => [r.status, r.prompt.version, r.source])).toEqual([["succeeded", 2, "outputs"], ["succeeded", 3, "outputs"]]);
    expect(res.json.counts).toEqual({ regressed: 3, improved: 4, unchanged: 5, unpaired: 0 });
    expect(res.json.rows.slice(0, 3).every((r: { change: string }) => r.change === "regressed")).toBe(true);
    expect(res.json.comparisons[0]).toMatchObject({ pairs: 12, baselinePassRate: 8 / 12, passRate: 9 / 12, mcnemar: { regressed: 3, improved: 4 } });
  });
});
