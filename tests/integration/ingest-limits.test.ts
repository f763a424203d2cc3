import { afterEach, describe, expect, it } from "vitest";
import * as feedbackRoute from "@/app/api/public/feedback/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { call, testClientIp } from "../support/route";

const saved = { ...process.env };
afterEach(() => {
  for (const k of ["PHAROS_INGEST_RATE_LIMIT_PER_MINUTE", "PHAROS_INGEST_RATE_LIMIT_BURST", "PHAROS_INGEST_QUEUE_ROWS", "PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE"]) {
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

  it("gives the browser-safe public key its own bucket: flooding feedback never starves the secret key's ingest", async () => {
    process.env.PHAROS_INGEST_RATE_LIMIT_PER_MINUTE = "60";
    process.env.PHAROS_INGEST_RATE_LIMIT_BURST = "3";
    process.env.PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE = "100000";
    const t = await createOrgAndProject("buckets");
    const key = await createKey(t.project);
    const trace = sampleTraceEvents();
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: trace.events } })).status).toBe(207);
    const feedback = [];
    for (let i = 0; i < 6; i++) feedback.push((await call(feedbackRoute.POST, "POST", { authorization: `Bearer ${key.publicKey}`, body: { traceId: trace.traceId, value: "down" } })).status);
    expect(feedback).toEqual([201, 201, 201, 429, 429, 429]);
    // The secret key still has its two remaining tokens.
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sampleTraceEvents().events } })).status).toBe(207);
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sampleTraceEvents().events } })).status).toBe(207);
  });

  it("limits feedback per client IP too, so one visitor cannot spend the public key's budget", async () => {
    process.env.PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE = "60";
    const t = await createOrgAndProject("feedback-ip");
    const key = await createKey(t.project);
    const trace = sampleTraceEvents();
    await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: trace.events } });
    const send = (ip: string) => feedbackRoute.POST(new Request("http://localhost/api/public/feedback", {
      method: "POST", headers: { authorization: `Bearer ${key.publicKey}`, "content-type": "application/json", "x-forwarded-for": "1.2.3.4", "x-pharos-client-ip": ip }, body: JSON.stringify({ traceId: trace.traceId, value: "up" }),
    }), { params: Promise.resolve({}) });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await send("203.0.113.7")).status);
    // Burst of 10 for a 60/min limit, then 429; another client (the last hop, which Next appends) is unaffected.
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await send("198.51.100.9")).status).toBe(201);
  });

  it("refuses a client over its IP limit before it spends the public key's budget, so other visitors still get through", async () => {
    // The key holds 12 tokens and refills one a minute (none during the test); one client may send 10 at once.
    process.env.PHAROS_INGEST_RATE_LIMIT_PER_MINUTE = "1";
    process.env.PHAROS_INGEST_RATE_LIMIT_BURST = "12";
    process.env.PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE = "1";
    const t = await createOrgAndProject("feedback-ip-first");
    const key = await createKey(t.project);
    const trace = sampleTraceEvents();
    expect((await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: trace.events } })).status).toBe(207);
    const send = (ip: string) => call(feedbackRoute.POST, "POST", { authorization: `Bearer ${key.publicKey}`, headers: { "x-pharos-client-ip": ip }, body: { traceId: trace.traceId, value: "down" } });

    const flooder = testClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await send(flooder)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // The 20 refused requests took nothing from the key: two tokens are left for everyone else.
    const others = [await send(testClientIp()), await send(testClientIp())];
    expect(others.map((r) => r.status)).toEqual([201, 201]);
    const drained = await send(testClientIp());
    expect(drained.status).toBe(429);
    expect(drained.json.error.message).toMatch(/for this public key/);
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
