import { describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";

// The embedding pass's watermark (embedding_progress): a steady-state pass probes only the
// spans of the last hour or so below it; a daily sweep finds what arrived later than that.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function project(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { id: t.project.id, key: key.secretKey };
}

/** LLM spans (one trace each) with a distinct user question, starting at the given instants. */
async function ingestSpans(secretKey: string, starts: Date[], question = "How do refunds work") {
  const batch = starts.map((start, i) => {
    const id = hex(8);
    return {
      id: `e-${id}`, type: "generation",
      body: {
        id, traceId: hex(16), name: "chat", model: "gpt-4o-mini", startTime: start.toISOString(), endTime: new Date(start.getTime() + 500).toISOString(),
        input: [{ role: "user", content: `${question} ${i} ${id}?` }],
      },
    };
  });
  const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${secretKey}`, body: { batch } });
  expect(res.json.results.every((r: { status: number }) => r.status === 201)).toBe(true);
  return batch.map((e) => e.body.id);
}

const ago = (ms: number) => new Date(Date.now() - ms);
const progressOf = (projectId: string) => db.embeddingProgress.findMany({ where: { projectId } });
const spansFrom = (projectId: string, from: Date) => db.span.count({ where: { projectId, kind: "llm", startTime: { gte: from } } });
const embeddedIds = async (projectId: string) => (await db.embedding.findMany({ where: { projectId }, select: { spanId: true } })).map((e) => e.spanId);

describe("embedding pass watermark", () => {
  it("sweeps once, then probes only recent spans; a late span waits for the next daily sweep", async () => {
    const p = await project("watermark");
    await ingestSpans(p.key, Array.from({ length: 30 }, (_, i) => ago(i * 8 * HOUR + 5 * 60_000)));

    const before = Date.now();
    const [first] = await computeMissingEmbeddings({ projectId: p.id });
    expect(first).toMatchObject({ embedded: 30, sweep: true, complete: true });
    expect(Date.now() - first!.scannedFrom.getTime()).toBeGreaterThanOrEqual(35 * DAY);
    const [row] = await progressOf(p.id);
    expect(row).toMatchObject({ field: "input", model: first!.model, completeFrom: first!.scannedFrom });
    // Just below the pass's start, for ingest transactions still open when it began.
    expect(row!.completeBefore.getTime()).toBeGreaterThanOrEqual(before - 61_000);
    expect(row!.completeBefore.getTime()).toBeLessThanOrEqual(before);

    // Steady state: only the hour below the watermark is probed — one of the 30 spans.
    const [second] = await computeMissingEmbeddings({ projectId: p.id });
    expect(second).toMatchObject({ embedded: 0, sweep: false, complete: true });
    expect(second!.scannedFrom).toEqual(new Date(row!.completeBefore.getTime() - HOUR));
    expect(await spansFrom(p.id, second!.scannedFrom)).toBe(1);

    // A new span is found by the incremental pass, and the watermark moves up.
    const [fresh] = await ingestSpans(p.key, [ago(30_000)]);
    const [third] = await computeMissingEmbeddings({ projectId: p.id });
    expect(third).toMatchObject({ embedded: 1, sweep: false });
    expect(await embeddedIds(p.id)).toContain(fresh);
    expect((await progressOf(p.id))[0]!.completeBefore.getTime()).toBeGreaterThan(row!.completeBefore.getTime());

    // A span that starts days before it arrives is below the watermark: not this pass's business…
    const [late] = await ingestSpans(p.key, [ago(3 * DAY)]);
    const [fourth] = await computeMissingEmbeddings({ projectId: p.id });
    expect(fourth).toMatchObject({ embedded: 0, sweep: false });
    expect(await embeddedIds(p.id)).not.toContain(late);
    // …until the last sweep is a day old, when the whole window is walked again.
    await db.embeddingProgress.updateMany({ where: { projectId: p.id }, data: { sweptAt: ago(25 * HOUR) } });
    expect((await computeMissingEmbeddings({ projectId: p.id }))[0]).toMatchObject({ embedded: 1, sweep: true });
    expect(await embeddedIds(p.id)).toContain(late);
    // The same by a later clock instead of an old row.
    const [late2] = await ingestSpans(p.key, [ago(2 * DAY)]);
    expect((await computeMissingEmbeddings({ projectId: p.id }))[0]).toMatchObject({ embedded: 0, sweep: false });
    const tomorrow = new Date(Date.now() + 25 * HOUR);
    const [sweep] = await computeMissingEmbeddings({ projectId: p.id, now: tomorrow });
    expect(sweep).toMatchObject({ embedded: 1, sweep: true, complete: true });
    expect(await embeddedIds(p.id)).toContain(late2);
    const swept = (await progressOf(p.id))[0]!;
    expect(swept.sweptAt).toEqual(tomorrow);
    // A simulated clock never moves the watermark past what the walk actually saw.
    expect(swept.completeBefore.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("does not move the watermark when a pass stops at its limit; the next pass carries on", async () => {
    const p = await project("watermark-limit");
    await ingestSpans(p.key, Array.from({ length: 5 }, (_, i) => ago((i + 1) * DAY)));
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 3 }))[0]).toMatchObject({ embedded: 3, sweep: true, complete: false });
    expect(await progressOf(p.id)).toEqual([]);
    // Still a sweep (nothing vouches for the window yet); it finds the two older spans left.
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 3 }))[0]).toMatchObject({ embedded: 2, sweep: true, complete: true });
    const [row] = await progressOf(p.id);

    await ingestSpans(p.key, [ago(40_000), ago(30_000), ago(20_000), ago(10_000)]);
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 2 }))[0]).toMatchObject({ embedded: 2, sweep: false, complete: false });
    expect((await progressOf(p.id))[0]!.completeBefore).toEqual(row!.completeBefore);
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 10 }))[0]).toMatchObject({ embedded: 2, sweep: false, complete: true });
    expect((await progressOf(p.id))[0]!.completeBefore.getTime()).toBeGreaterThan(row!.completeBefore.getTime());
    expect(await db.embedding.count({ where: { projectId: p.id } })).toBe(9);
  });

  it("sweeps when a caller asks for an older window than the last sweep covered", async () => {
    const p = await project("watermark-window");
    const [old] = await ingestSpans(p.key, [ago(20 * DAY)]);
    await ingestSpans(p.key, [ago(DAY)]);
    expect((await computeMissingEmbeddings({ projectId: p.id, sinceDays: 7 }))[0]).toMatchObject({ embedded: 1, sweep: true });
    const [wider] = await computeMissingEmbeddings({ projectId: p.id, sinceDays: 35 });
    expect(wider).toMatchObject({ embedded: 1, sweep: true });
    expect(await embeddedIds(p.id)).toContain(old);
  });

  it("keeps a watermark per offline model: a refitted IDF table starts with a sweep", async () => {
    const p = await project("watermark-refit");
    await ingestSpans(p.key, Array.from({ length: 4 }, (_, i) => ago((i + 1) * DAY)));
    const [first] = await computeMissingEmbeddings({ projectId: p.id });
    expect(first).toMatchObject({ embedded: 4, sweep: true });
    // A refit: the frozen table is dropped and the earliest texts now differ, so the model name does.
    await ingestSpans(p.key, [ago(10 * DAY)], "Wie funktioniert die Rückerstattung");
    await db.embeddingModel.deleteMany({ where: { projectId: p.id, source: "offline" } });
    const [refit] = await computeMissingEmbeddings({ projectId: p.id });
    expect(refit!.model).not.toBe(first!.model);
    expect(refit).toMatchObject({ embedded: 5, sweep: true, complete: true });
    expect((await progressOf(p.id)).map((r) => r.model).sort()).toEqual([first!.model, refit!.model].sort());
  });
});
