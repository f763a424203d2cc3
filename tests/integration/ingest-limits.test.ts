import { afterEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { call } from "../support/route";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["PHAROS_INGEST_RATE_LIMIT_PER_MINUTE", "PHAROS_INGEST_RATE_LIMIT_BURST", "PHAROS_INGEST_QUEUE_ROWS"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("ingest limits", () => {
  it("rate-limits per key with 429 and Retry-After, without affecting other keys", async () => {
    process.env.PHAROS_INGEST_RATE_LIMIT_PER_MINUTE = "60";
    process.env.PHAROS_INGEST_RATE_LIMIT_BURST = "3";
    const t = await createOrgAndProject("ratelimit");
    const key = await createKey(t.project);
    const other = await createKey(t.project);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sampleTraceEvents().events } });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([207, 207, 207, 429, 429]);
    expect(limited!.json.error.code).toBe("RATE_LIMITED");
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${other.secretKey}`, body: { batch: sampleTraceEvents().events } })).status).toBe(207);
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(8);
  });

  it("answers 503 with Retry-After when the writer queue is full, and stores none of that request", async () => {
    process.env.PHAROS_INGEST_QUEUE_ROWS = "4";
    const t = await createOrgAndProject("queue");
    const key = await createKey(t.project);
    const big = [...sampleTraceEvents().events, ...sampleTraceEvents().events];
    const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: big } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await db.span.count({ where: { projectId: t.project.id } })).toBe(0);
    expect(await db.trace.count({ where: { projectId: t.project.id } })).toBe(0);
    const small = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sampleTraceEvents().events } });
    expect(small.status).toBe(207);
  });
});
