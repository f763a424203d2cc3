import { afterEach, describe, expect, it } from "vitest";
import * as alertsRoute from "@/app/api/projects/[projectId]/alerts/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as promptRoute from "@/app/api/public/prompts/[...name]/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";

afterEach(() => {
  delete process.env.PHAROS_METRICS_TOKEN;
});

const scrape = (token?: string) =>
  metricsRoute.GET(new Request("http://localhost/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }));

const sample = (text: string, name: string) => Number(text.split("\n").find((l) => l.startsWith(`${name} `))?.split(" ")[1] ?? NaN);

describe("GET /api/metrics (Prometheus)", () => {
  it("is off without a token, refuses wrong tokens, and exposes ingest health", async () => {
    expect((await scrape("x")).status).toBe(404);
    process.env.PHAROS_METRICS_TOKEN = "scrape-token-123";
    expect((await scrape()).status).toBe(401);
    expect((await scrape("scrape-token-12")).status).toBe(401);

    const before = sample(await (await scrape("scrape-token-123")).text(), "pharos_ingest_spans_total");
    const t = await createOrgAndProject("prom");
    const key = await createKey(t.project);
    const ingest = await ingestRoute.POST(
      new Request("http://localhost/api/public/ingest", { method: "POST", headers: { authorization: `Bearer ${key.secretKey}`, "content-type": "application/json" }, body: JSON.stringify({ batch: sampleTraceEvents().events }) }),
      { params: Promise.resolve({}) },
    );
    expect(ingest.status).toBe(207);

    const res = await scrape("scrape-token-123");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(sample(text, "pharos_ingest_spans_total") - (Number.isNaN(before) ? 0 : before)).toBe(2);
    expect(text).toMatch(/pharos_ingest_queue_rows \d+/);
    expect(text).toMatch(/pharos_http_request_duration_seconds_bucket\{le="0.5",route="\/api\/public\/ingest",method="POST",status="207"\} \d+/);
    expect(text).toMatch(/pharos_ingest_requests_total\{endpoint="\/api\/public\/ingest",status="207"\} \d+/);
    expect(text).toContain("# TYPE pharos_job_failures gauge");
  });

  it("labels requests by route pattern, so random URLs cannot mint new time series", async () => {
    process.env.PHAROS_METRICS_TOKEN = "scrape-token-123";
    // Anonymous requests to short random project ids: each used to become its own histogram child.
    for (let i = 0; i < 25; i++) {
      const id = Math.random().toString(36).slice(2, 9);
      const res = await alertsRoute.GET(new Request(`http://localhost/api/projects/${id}/alerts`), { params: Promise.resolve({ projectId: id }) });
      expect(res.status).toBe(401);
    }
    for (const name of ["a", "folder/b", "x/y/z"]) {
      await promptRoute.GET(new Request(`http://localhost/api/public/prompts/${name}`), { params: Promise.resolve({ name: name.split("/") }) });
    }
    const text = await (await scrape("scrape-token-123")).text();
    const routes = new Set([...text.matchAll(/pharos_http_request_duration_seconds_count\{route="([^"]+)"/g)].map((m) => m[1]));
    expect([...routes].filter((r) => r!.includes("/alerts"))).toEqual(["/api/projects/[projectId]/alerts"]);
    expect([...routes].filter((r) => r!.includes("/prompts"))).toEqual(["/api/public/prompts/[...name]"]);
    expect([...routes].every((r) => r === "unmatched" || r!.startsWith("/api/"))).toBe(true);
  });
});
