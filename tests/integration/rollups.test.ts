import { describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { mergeSparse, quantile, RELATIVE_ACCURACY, type Sketch } from "@/lib/metrics/latency-sketch";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";

describe("per-minute rollups", () => {
  it("match exact SQL over the raw spans: counts and sums exactly, percentiles within 1%", async () => {
    const t = await createOrgAndProject("rollups");
    const key = await createKey(t.project);
    const base = Date.UTC(2026, 10, 20, 10, 0, 0);
    let seed = 11;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const events = Array.from({ length: 600 }, (_, i) => {
      const start = base + Math.floor(rand() * 5 * 60_000);
      const latency = Math.round(50 + Math.exp(6 + rand() * 2.5));
      return {
        id: `e${i}`,
        type: "generation",
        body: {
          id: hex(8), traceId: hex(16), name: "chat", startTime: new Date(start).toISOString(), endTime: new Date(start + latency).toISOString(),
          completionStartTime: new Date(start + Math.round(latency / 4)).toISOString(),
          model: i % 3 ? "gpt-4o-mini" : "gpt-4o", environment: i % 5 ? "production" : "staging", usage: { input: 100 + i, output: 10 + (i % 50) },
          level: i % 17 === 0 ? "ERROR" : "DEFAULT",
        },
      };
    });
    for (let i = 0; i < events.length; i += 200) {
      const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: events.slice(i, i + 200) } });
      expect(res.status).toBe(207);
    }

    type Exact = { model: string; count: number; errors: number; latency_sum: number; input_tokens: number; cost: string };
    const exact = await db.$queryRaw<Exact[]>`
      select model, count(*)::int as count, (count(*) filter (where level = 'ERROR'))::int as errors, sum(latency_ms)::float8 as latency_sum,
             sum(input_tokens)::int as input_tokens, sum(total_cost)::text as cost
      from spans where project_id = ${t.project.id} group by model order by model`;
    const rolled = await db.$queryRaw<Exact[]>`
      select model, sum(count)::int as count, sum(errors)::int as errors, sum(latency_sum_ms)::float8 as latency_sum,
             sum(input_tokens)::int as input_tokens, sum(cost_sum)::text as cost
      from metric_minutes where project_id = ${t.project.id} group by model order by model`;
    expect(rolled).toEqual(exact);

    for (const model of ["gpt-4o", "gpt-4o-mini"]) {
      const rows = await db.metricMinute.findMany({ where: { projectId: t.project.id, model } });
      const latency: Sketch = new Map();
      const ttft: Sketch = new Map();
      for (const r of rows) {
        mergeSparse(latency, r.latencyBuckets, r.latencyCounts);
        mergeSparse(ttft, r.ttftBuckets, r.ttftCounts);
      }
      for (const q of [0.5, 0.95, 0.99]) {
        const [row] = await db.$queryRaw<{ latency: number; ttft: number }[]>`
          select percentile_disc(${q}) within group (order by latency_ms) as latency, percentile_disc(${q}) within group (order by ttft_ms) as ttft
          from spans where project_id = ${t.project.id} and model = ${model}`;
        expect(Math.abs(quantile(latency, q)! - row!.latency) / row!.latency, `${model} latency p${q * 100}`).toBeLessThanOrEqual(RELATIVE_ACCURACY);
        expect(Math.abs(quantile(ttft, q)! - row!.ttft) / row!.ttft, `${model} ttft p${q * 100}`).toBeLessThanOrEqual(RELATIVE_ACCURACY);
      }
    }
  });
});
