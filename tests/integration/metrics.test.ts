import { beforeAll, describe, expect, it } from "vitest";
import * as feedbackRoute from "@/app/api/projects/[projectId]/metrics/feedback/route";
import * as metricsRoute from "@/app/api/projects/[projectId]/metrics/route";
import * as topUsersRoute from "@/app/api/projects/[projectId]/metrics/top-users/route";
import * as publicMetrics from "@/app/api/public/metrics/route";
import { seedDemoTraces } from "@/lib/bootstrap/seed-demo-traces";
import { db } from "@/lib/db";
import { RELATIVE_ACCURACY } from "@/lib/metrics/latency-sketch";
import { rollupTiers } from "@/lib/metrics/rollup-tiers";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { call } from "../support/route";

const NOW = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));
const FROM = new Date(NOW.getTime() - 8 * 86_400_000).toISOString();
const TO = new Date(NOW.getTime() + 3_600_000).toISOString();

type Tenant = Awaited<ReturnType<typeof createOrgAndProject>>;
let t: Tenant;
let pm: Member;

beforeAll(async () => {
  t = await createOrgAndProject("metrics");
  pm = await addMember(t, "pm");
  await seedDemoTraces({ projectId: t.project.id, days: 7, perDay: 60, now: NOW });
  // Other test files run the rollup job too; roll this project's (backdated) data up now so
  // every read below sees it complete, as it would be five minutes after ingest.
  await rollupTiers({ waitForLock: true });
});

const metrics = (query: Record<string, string>, cookie = pm.cookie) => call(metricsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie, query: { from: FROM, to: TO, ...query } });

async function exact(where: string, params: unknown[] = []) {
  const [row] = await db.$queryRawUnsafe<{ count: number; errors: number; cost: number; input: number; p50: number; p95: number; p99: number; t50: number }[]>(
    `select count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors, coalesce(sum(total_cost), 0)::float8 as cost,
            coalesce(sum(input_tokens), 0)::float8 as input,
            percentile_disc(0.5) within group (order by latency_ms) as p50, percentile_disc(0.95) within group (order by latency_ms) as p95,
            percentile_disc(0.99) within group (order by latency_ms) as p99, percentile_disc(0.5) within group (order by ttft_ms) as t50
     from spans where project_id = $1 and kind = 'llm' ${where}`,
    t.project.id, ...params,
  );
  return row!;
}

const within = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(rel);
/** What the log-bucket sketch guarantees against percentile_disc (plus float rounding). */
const SKETCH_ERROR = RELATIVE_ACCURACY + 1e-9;

describe("GET /api/projects/[projectId]/metrics", () => {
  it("equals exact SQL over the raw spans: counts and sums exactly, percentiles within the sketch's 1%", async () => {
    const res = await metrics({ bucket: "1h" });
    expect(res.status).toBe(200);
    expect(res.json.source).toBe("rollups");
    const e = await exact("");
    const totals = res.json.totals;
    expect(totals.count).toBe(e.count);
    expect(totals.errors).toBe(e.errors);
    expect(totals.cost).toBeCloseTo(e.cost, 8);
    expect(totals.inputTokens).toBe(e.input);
    within(totals.latencyP50, e.p50, SKETCH_ERROR);
    within(totals.latencyP95, e.p95, SKETCH_ERROR);
    within(totals.latencyP99, e.p99, SKETCH_ERROR);
    within(totals.ttftP50, e.t50, SKETCH_ERROR);
    const [votes] = await db.$queryRaw<{ up: number; down: number }[]>`
      select (count(*) filter (where number_value = 1))::int as up, (count(*) filter (where number_value = 0))::int as down
      from scores where project_id = ${t.project.id} and name = 'user_feedback'`;
    expect([totals.thumbsUp, totals.thumbsDown]).toEqual([votes!.up, votes!.down]);
    expect(res.json.series).toHaveLength(8 * 24 + 1);
    expect(res.json.series.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(e.count);
  });

  it("reads whole tier buckets from the rollup tiers, with the same answers as the minutes", async () => {
    // 1-minute buckets are finer than every tier, so they read metric_minutes only.
    const same = (a: { json: Record<string, unknown> }, b: { json: Record<string, unknown> }) => {
      expect(a.json.totals).toEqual(b.json.totals);
      expect(a.json.groups).toEqual(b.json.groups);
    };
    const minutesOnly = await metrics({ bucket: "1m", groupBy: "model" });
    expect(await db.metricRollup.count({ where: { projectId: t.project.id, tier: 3600 } })).toBeGreaterThan(100);
    expect(await db.metricRollup.count({ where: { projectId: t.project.id, tier: 900 } })).toBeGreaterThan(400);
    same(await metrics({ bucket: "1h", groupBy: "model" }), minutesOnly);
    same(await metrics({ bucket: "1d", groupBy: "model" }), minutesOnly);
    same(await metrics({ bucket: "15m", environment: "production", groupBy: "promptVersion" }), await metrics({ bucket: "1m", environment: "production", groupBy: "promptVersion" }));
    // Every grain agrees with the full-key rows on the totals.
    // Every grain of every tier holds the same totals as the minutes they were rolled up from.
    type GrainTotals = { grain: number; count: number; errors: number; cost: number; up: number; down: number };
    const byGrain = (tier: number) => db.$queryRaw<GrainTotals[]>`
      select grain, sum(count)::int as count, sum(errors)::int as errors, sum(cost_sum)::float8 as cost,
             sum(thumbs_up)::int as up, sum(thumbs_down)::int as down
      from metric_rollups where project_id = ${t.project.id} and tier = ${tier} group by grain order by grain`;
    const [minutes] = await db.$queryRaw<Omit<GrainTotals, "grain">[]>`
      select sum(count)::int as count, sum(errors)::int as errors, sum(cost_sum)::float8 as cost, sum(thumbs_up)::int as up, sum(thumbs_down)::int as down
      from metric_minutes where project_id = ${t.project.id}`;
    const raw = await exact("");
    expect([minutes!.count, minutes!.errors]).toEqual([raw.count, raw.errors]);
    expect(minutes!.cost).toBeCloseTo(raw.cost, 8);
    for (const tier of [900, 3600, 86_400]) {
      const grains = await byGrain(tier);
      expect(grains.map((r) => r.grain), `tier ${tier}`).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      for (const { grain, cost, ...sums } of grains) {
        const { cost: minutesCost, ...minuteSums } = minutes!;
        expect(sums, `tier ${tier} grain ${grain}`).toEqual(minuteSums);
        expect(cost, `tier ${tier} grain ${grain}`).toBeCloseTo(minutesCost, 8);
      }
    }

    // Prove which level answers: skew one row of a tier at one grain and see it only where that row is read.
    const skew = (tier: number, grain: number, n: number) => db.$executeRaw`update metric_rollups set count = count + ${n}
      where (project_id, tier, grain, start, model, environment, prompt_name, prompt_version) = (
        select project_id, tier, grain, start, model, environment, prompt_name, prompt_version from metric_rollups
        where project_id = ${t.project.id} and tier = ${tier} and grain = ${grain} order by start, model limit 1)`;
    const groupSum = (r: { json: { groups: { totals: { count: number } }[] } }) => r.json.groups.reduce((n, g) => n + g.totals.count, 0);
    expect(await skew(3600, 0, 1000)).toBe(1);
    try {
      expect((await metrics({ bucket: "1h" })).json.totals.count).toBe(minutesOnly.json.totals.count + 1000);
      expect((await metrics({ bucket: "15m" })).json.totals.count).toBe(minutesOnly.json.totals.count);
    } finally {
      await skew(3600, 0, -1000);
    }
    // Group totals need no time buckets: they read whole days at the grouping's grain, the series hours at grain 0.
    expect(await db.metricRollup.count({ where: { projectId: t.project.id, tier: 86_400, grain: 1 } })).toBeGreaterThan(6);
    const skewDay = (n: number) => db.$executeRaw`update metric_rollups set count = count + ${n}
      where (project_id, tier, grain, start, model) = (
        select project_id, tier, grain, start, model from metric_rollups
        where project_id = ${t.project.id} and tier = 86400 and grain = 1 and start > ${new Date(FROM)} order by start, model limit 1)`;
    expect(await skewDay(50)).toBe(1);
    try {
      const grouped = await metrics({ bucket: "1h", groupBy: "model" });
      expect(groupSum(grouped)).toBe(minutesOnly.json.totals.count + 50);
      expect(grouped.json.totals.count).toBe(minutesOnly.json.totals.count);
    } finally {
      await skewDay(-50);
    }
    expect(groupSum(await metrics({ bucket: "1h", groupBy: "model" }))).toBe(minutesOnly.json.totals.count);
    expect(await skew(900, 0, 7)).toBe(1);
    try {
      expect((await metrics({ bucket: "15m" })).json.totals.count).toBe(minutesOnly.json.totals.count + 7);
      expect((await metrics({ bucket: "1h" })).json.totals.count).toBe(minutesOnly.json.totals.count);
    } finally {
      await skew(900, 0, -7);
    }

    // Late data for an old hour is picked up by the next run.
    const key = await createKey(t.project);
    const at = new Date(NOW.getTime() - 3 * 86_400_000);
    const late = { id: "late-1", type: "generation", body: { id: "late-span", traceId: "late-trace", name: "chat", model: "gpt-4o", startTime: at.toISOString(), endTime: new Date(at.getTime() + 1234).toISOString() } };
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: [late] } })).status).toBe(207);
    await rollupTiers({ waitForLock: true });
    const after = await metrics({ bucket: "1h" });
    expect(after.json.totals.count).toBe((await exact("")).count);
    expect(after.json.totals.count).toBe(minutesOnly.json.groups.reduce((n: number, g: { totals: { count: number } }) => n + g.totals.count, 0) + 1);
  });

  it("filters and groups exactly", async () => {
    const byModel = await metrics({ groupBy: "model" });
    for (const model of ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022"]) {
      const group = byModel.json.groups.find((g: { key: string }) => g.key === model);
      const e = await exact("and model = $2", [model]);
      expect(group.totals.count, model).toBe(e.count);
      within(group.totals.latencyP95, e.p95, SKETCH_ERROR);
    }
    // Thumbs count under the trace's model (the first, sorted, of its LLM spans' models), so the
    // thumbs-up rate per model is real. Worked out here from the rows, not with the code's SQL.
    const llmSpans = await db.span.findMany({ where: { projectId: t.project.id, kind: "llm" }, select: { traceId: true, model: true } });
    const modelsOf = new Map<string, string[]>();
    for (const s of llmSpans) if (s.model) modelsOf.set(s.traceId, [...(modelsOf.get(s.traceId) ?? []), s.model]);
    const feedback = await db.score.findMany({ where: { projectId: t.project.id, name: "user_feedback" }, select: { traceId: true, numberValue: true } });
    const tally = new Map<string, { model: string; up: number; down: number }>();
    for (const f of feedback) {
      const model = (modelsOf.get(f.traceId) ?? []).sort()[0] ?? "";
      const v = tally.get(model) ?? tally.set(model, { model, up: 0, down: 0 }).get(model)!;
      if (f.numberValue === 1) v.up++;
      else if (f.numberValue === 0) v.down++;
    }
    const votes = [...tally.values()];
    expect(votes.filter((v) => v.model !== "" && v.up > 0 && v.down > 0).length).toBe(3);
    for (const v of votes) {
      const group = byModel.json.groups.find((g: { key: string }) => g.key === v.model);
      expect([group.totals.thumbsUp, group.totals.thumbsDown], v.model).toEqual([v.up, v.down]);
      if (v.model && v.up + v.down > 0) expect(group.totals.thumbsUpRate).toBeCloseTo(v.up / (v.up + v.down), 10);
    }
    const filtered = await metrics({ environment: "staging", model: "gpt-4o", promptName: "support-answer", promptVersion: "2" });
    const e = await exact("and environment = 'staging' and model = 'gpt-4o' and prompt_name = 'support-answer' and prompt_version = 2");
    expect(filtered.json.totals.count).toBe(e.count);
    expect(filtered.json.totals.errors).toBe(e.errors);
  });

  it("answers filters outside the rollup dimensions from the spans, with the same accuracy", async () => {
    const res = await metrics({ userId: "user-7", provider: "openai" });
    expect(res.json.source).toBe("spans");
    const e = await exact("and user_id = 'user-7' and provider = 'openai'");
    expect(res.json.totals.count).toBe(e.count);
    expect(res.json.totals.cost).toBeCloseTo(e.cost, 8);
    within(res.json.totals.latencyP50, e.p50, SKETCH_ERROR);
  });

  it("serves feedback comments and top users, checks roles, hides other tenants and rejects bad queries", async () => {
    const comments = await call(feedbackRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: pm.cookie, query: { from: FROM, to: TO, limit: "5" } });
    expect(comments.json.comments.length).toBeGreaterThan(0);
    expect(comments.json.comments[0]).toMatchObject({ value: expect.stringMatching(/up|down/), comment: expect.any(String), traceName: "support-answer" });
    const users = await call(topUsersRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: pm.cookie, query: { from: FROM, to: TO, limit: "3" } });
    expect(users.json.users).toHaveLength(3);
    // The expected top three, summed here from the traces' spans.
    const spans = await db.span.findMany({
      where: { projectId: t.project.id, startTime: { gte: new Date(FROM), lt: new Date(TO) } },
      select: { traceId: true, userId: true, totalCost: true, inputTokens: true, outputTokens: true, level: true },
    });
    const perUser = new Map<string, { userId: string; traces: Set<string>; cost: number; inputTokens: number; outputTokens: number; errors: number }>();
    for (const s of spans) {
      if (!s.userId) continue;
      const u = perUser.get(s.userId) ?? perUser.set(s.userId, { userId: s.userId, traces: new Set(), cost: 0, inputTokens: 0, outputTokens: 0, errors: 0 }).get(s.userId)!;
      u.traces.add(s.traceId);
      u.cost += Number(s.totalCost ?? 0);
      u.inputTokens += Number(s.inputTokens ?? 0);
      u.outputTokens += Number(s.outputTokens ?? 0);
      if (s.level === "ERROR") u.errors++;
    }
    const expected = [...perUser.values()].sort((a, b) => b.cost - a.cost).slice(0, 3);
    expect(users.json.users.map((u: { userId: string }) => u.userId)).toEqual(expected.map((u) => u.userId));
    for (const [i, u] of expected.entries()) {
      expect(users.json.users[i], u.userId).toMatchObject({ traces: u.traces.size, inputTokens: u.inputTokens, outputTokens: u.outputTokens, errors: u.errors });
      expect(users.json.users[i].cost).toBeCloseTo(u.cost, 8);
    }

    const annotator = await addMember(t, "annotator");
    expect((await metrics({}, annotator.cookie)).status).toBe(403);
    const stranger = await createOrgAndProject("metrics-other");
    expect((await metrics({}, stranger.owner.cookie)).status).toBe(404);
    const bad = await metrics({ to: FROM });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/query\.to/);
    expect((await metrics({ bucket: "2m" })).status).toBe(400);

    const key = await createKey(t.project);
    const pub = await call(publicMetrics.GET, "GET", { authorization: `Bearer ${key.secretKey}`, query: { from: FROM, to: TO } });
    expect(pub.status).toBe(200);
    expect(pub.json.totals.count).toBe((await exact("")).count);
  });
});
