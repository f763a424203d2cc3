import { describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { computeMissingEmbeddings } from "@/lib/embeddings/compute-embeddings";
import { createKey, createOrgAndProject } from "../factories";
import { hex } from "../support/ingest";
import { call } from "../support/route";

// The embedding pass's watermark (embedding_progress) tracks ARRIVAL (spans.ingested_at): a
// steady-state pass reads only spans ingested since the last one, whatever their start time, so
// backfilled and late spans are embedded on the next pass. (It used to track start time and leave
// late spans for a daily sweep — issue 16 calls that wrong: a history import sat unembedded.)

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
const embeddedIds = async (projectId: string) => (await db.embedding.findMany({ where: { projectId }, select: { spanId: true } })).map((e) => e.spanId);
/** As if these spans had arrived `msAgo` ago (ingest stamps the transaction's start). */
const arrivedAgo = (projectId: string, ids: string[], msAgo: number) => db.span.updateMany({ where: { projectId, id: { in: ids } }, data: { ingestedAt: ago(msAgo) } });

describe("embedding pass watermark", () => {
  it("sweeps once, then reads only new arrivals: a span that starts days before it arrives is embedded on the next pass", async () => {
    const p = await project("watermark");
    await ingestSpans(p.key, Array.from({ length: 30 }, (_, i) => ago(i * 8 * HOUR + 5 * 60_000)));

    const before = Date.now();
    const [first] = await computeMissingEmbeddings({ projectId: p.id });
    expect(first).toMatchObject({ embedded: 30, sweep: true, complete: true });
    const [row] = await progressOf(p.id);
    expect(row).toMatchObject({ field: "input", model: first!.model });
    expect(before - row!.completeFrom.getTime()).toBeGreaterThanOrEqual(35 * DAY - 1000);
    // At least a minute below the pass's start, for ingest transactions still open when it began
    // (and below any transaction open then, up to an hour back).
    expect(row!.arrivedAt.getTime()).toBeLessThanOrEqual(before - 59_000);
    expect(row!.arrivedAt.getTime()).toBeGreaterThanOrEqual(before - HOUR - 1000);

    // Steady state: nothing new arrived, nothing to do, and no full walk.
    expect((await computeMissingEmbeddings({ projectId: p.id }))[0]).toMatchObject({ embedded: 0, sweep: false, complete: true });

    // A new span, a span that started 3 days before it arrived and one from 20 days ago: all
    // arrivals, all embedded by the next incremental pass.
    const [fresh] = await ingestSpans(p.key, [ago(30_000)]);
    const [late] = await ingestSpans(p.key, [ago(3 * DAY)]);
    const [older] = await ingestSpans(p.key, [ago(20 * DAY)]);
    // Outside the 35-day window: not the pass's business.
    const [ancient] = await ingestSpans(p.key, [ago(40 * DAY)]);
    const [third] = await computeMissingEmbeddings({ projectId: p.id });
    expect(third).toMatchObject({ embedded: 3, sweep: false, complete: true });
    const ids = await embeddedIds(p.id);
    expect(ids).toEqual(expect.arrayContaining([fresh, late, older]));
    expect(ids).not.toContain(ancient);

    // Once they arrived longer ago than the in-flight margin, the watermark passes them.
    await arrivedAgo(p.id, [fresh!, late!, older!, ancient!], 2 * 60_000);
    await db.embeddingProgress.updateMany({ where: { projectId: p.id }, data: { arrivedAt: ago(3 * 60_000) } });
    expect((await computeMissingEmbeddings({ projectId: p.id }))[0]).toMatchObject({ embedded: 0, sweep: false });
    expect((await progressOf(p.id))[0]!.arrivedAt.getTime()).toBeGreaterThan(ago(2 * 60_000).getTime());
  });

  it("stops at its limit with the watermark on the last span visited; the next pass carries on from there", async () => {
    const p = await project("watermark-limit");
    await ingestSpans(p.key, Array.from({ length: 5 }, (_, i) => ago((i + 1) * DAY)));
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 3 }))[0]).toMatchObject({ embedded: 3, sweep: true, complete: false });
    expect(await progressOf(p.id)).toEqual([]);
    // Still a sweep (nothing vouches for the window yet); it finds the two older spans left.
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 3 }))[0]).toMatchObject({ embedded: 2, sweep: true, complete: true });

    // Four backdated spans in one batch (one ingested_at), arrived 5 minutes ago, after a pass 10 minutes ago.
    const batch = await ingestSpans(p.key, [ago(4 * DAY), ago(3 * DAY), ago(2 * DAY), ago(DAY)]);
    await arrivedAgo(p.id, batch, 5 * 60_000);
    await db.embeddingProgress.updateMany({ where: { projectId: p.id }, data: { arrivedAt: ago(10 * 60_000) } });
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 2 }))[0]).toMatchObject({ embedded: 2, sweep: false, complete: false });
    const spans = await db.span.findMany({ where: { projectId: p.id, id: { in: batch } }, orderBy: [{ traceId: "asc" }, { id: "asc" }] });
    const [mid] = await progressOf(p.id);
    expect(mid).toMatchObject({ arrivedAt: spans[1]!.ingestedAt, arrivedTraceId: spans[1]!.traceId, arrivedSpanId: spans[1]!.id });
    expect(await embeddedIds(p.id)).toEqual(expect.arrayContaining([spans[0]!.id, spans[1]!.id]));
    expect((await computeMissingEmbeddings({ projectId: p.id, limit: 10 }))[0]).toMatchObject({ embedded: 2, sweep: false, complete: true });
    expect((await progressOf(p.id))[0]!.arrivedAt.getTime()).toBeGreaterThan(spans[0]!.ingestedAt.getTime());
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
