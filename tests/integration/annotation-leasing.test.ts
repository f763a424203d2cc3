// Leasing: k annotators per pair at most, never a repeat, abandoned leases come back; skip and undo.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { annotationTenant, annotators, judge, next, pickGood, queueWithPairs, skip, undo } from "../support/annotation";

describe("annotation leasing", () => {
  it("10 annotators racing for one queue never over-fill k and never get a pair twice", async () => {
    const t = await annotationTenant("annot-race");
    const members = await annotators(t, 10);
    const k = 3;
    const { queueId, pairIds } = await queueWithPairs(t, { k, pairs: 12, members });
    const seen = new Map<string, string[]>();
    // Each annotator claims and judges until the queue has nothing left for them, all at once.
    await Promise.all(
      members.map(async (m) => {
        const mine: string[] = [];
        seen.set(m.user.id, mine);
        for (;;) {
          const res = await next(t, queueId, m);
          expect(res.status, JSON.stringify(res.json)).toBe(200);
          const pair = res.json.pair;
          if (!pair) break;
          mine.push(pair.id);
          const judged = await judge(t, queueId, m, { pairId: pair.id, pick: pickGood(pair), durationMs: 1000 });
          expect(judged.status, JSON.stringify(judged.json)).toBe(201);
        }
      }),
    );
    for (const list of seen.values()) expect(new Set(list).size).toBe(list.length);
    const counts = await db.judgment.groupBy({ by: ["pairId"], where: { projectId: t.project.id, queueId }, _count: { _all: true } });
    expect(counts).toHaveLength(pairIds.length);
    for (const c of counts) expect(c._count._all).toBe(k);
    const pairs = await db.preferencePair.findMany({ where: { projectId: t.project.id, queueId }, select: { judgmentCount: true } });
    expect(pairs.every((p) => p.judgmentCount === k)).toBe(true);
    expect([...seen.values()].flat()).toHaveLength(pairIds.length * k);
  }, 120_000);

  it("concurrent claims for the last slots: never more than k annotators get the pair", async () => {
    const t = await annotationTenant("annot-last-slot");
    const members = await annotators(t, 10);
    // Many rounds: the window between one claim's commit and another's snapshot is narrow.
    for (let round = 0; round < 15; round++) {
      const { queueId } = await queueWithPairs(t, { k: 2, pairs: 1, members });
      const claims = await Promise.all(members.map((m) => next(t, queueId, m)));
      expect(claims.every((c) => c.status === 200)).toBe(true);
      expect(claims.filter((c) => c.json.pair).length).toBe(2);
    }
  }, 120_000);

  it("an abandoned lease returns after its timeout; the prefetch holds a second lease", async () => {
    const t = await annotationTenant("annot-abandon");
    const [ann, bob] = await annotators(t, 2);
    const { queueId, pairIds } = await queueWithPairs(t, { k: 1, pairs: 2, members: [ann!, bob!] });
    const first = await next(t, queueId, ann!);
    const second = await next(t, queueId, ann!, [first.json.pair.id]);
    expect([first.json.pair.id, second.json.pair.id]).toEqual(pairIds);
    // A reload gives back the held lease, not a new pair.
    expect((await next(t, queueId, ann!)).json.pair.id).toBe(pairIds[0]);
    expect((await next(t, queueId, bob!)).json.pair).toBeNull();
    await db.annotationLease.updateMany({ where: { projectId: t.project.id, userId: ann!.user.id, pairId: pairIds[0] }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const bobs = await next(t, queueId, bob!);
    expect(bobs.json.pair.id).toBe(pairIds[0]);
    // Ann's late verdict on the lapsed lease is refused: the slot is Bob's now.
    const late = await judge(t, queueId, ann!, { pairId: pairIds[0], pick: "left" });
    expect(late.status).toBe(409);
    expect((await judge(t, queueId, bob!, { pairId: pairIds[0], pick: "left" })).status).toBe(201);
  });

  it("skip frees the slot and never shows the pair to that annotator again; undo takes back only my latest", async () => {
    const t = await annotationTenant("annot-skip-undo");
    const [ann, bob] = await annotators(t, 2);
    const { queueId, pairIds } = await queueWithPairs(t, { k: 1, pairs: 3, members: [ann!, bob!] });
    const a1 = (await next(t, queueId, ann!)).json.pair;
    expect((await skip(t, queueId, ann!, a1.id)).status).toBe(200);
    expect((await skip(t, queueId, ann!, a1.id)).status).toBe(409);
    const a2 = (await next(t, queueId, ann!)).json.pair;
    expect(a2.id).toBe(pairIds[1]);
    // Bob gets the skipped pair.
    expect((await next(t, queueId, bob!)).json.pair.id).toBe(pairIds[0]);
    const j2 = await judge(t, queueId, ann!, { pairId: a2.id, pick: "left", durationMs: 1200 });
    expect(j2.status).toBe(201);
    expect(j2.json.progress).toMatchObject({ mine: 1 });
    const a3 = (await next(t, queueId, ann!)).json.pair;
    expect(a3.id).toBe(pairIds[2]);
    const j3 = await judge(t, queueId, ann!, { pairId: a3.id, pick: "right" });
    // Only the latest can be undone.
    expect((await undo(t, queueId, ann!, j2.json.judgment.id)).status).toBe(409);
    const undone = await undo(t, queueId, ann!, j3.json.judgment.id);
    expect(undone.status).toBe(200);
    // The same pair comes back, the same way round, leased to me again.
    expect(undone.json.pair).toEqual(a3);
    expect(undone.json.progress.mine).toBe(1);
    expect(await db.judgment.count({ where: { projectId: t.project.id, pairId: a3.id } })).toBe(0);
    expect((await db.preferencePair.findFirstOrThrow({ where: { projectId: t.project.id, id: a3.id } })).judgmentCount).toBe(0);
    const again = await judge(t, queueId, ann!, { pairId: a3.id, pick: "tie" });
    expect(again.status).toBe(201);
    expect(again.json.judgment.choice).toBe("tie");
    // Now the earlier one is latest-but-one still: refused.
    expect((await undo(t, queueId, ann!, j2.json.judgment.id)).status).toBe(409);
    expect((await next(t, queueId, ann!)).json.pair).toBeNull();
  });

  it("stores the choice in the pair's A/B terms with the screen side, and enforces a required rationale", async () => {
    const t = await annotationTenant("annot-sides");
    const [ann] = await annotators(t, 1);
    const { queueId } = await queueWithPairs(t, { k: 1, pairs: 1, members: [ann!], rationale: "required" });
    const pair = (await next(t, queueId, ann!)).json.pair;
    const missing = await judge(t, queueId, ann!, { pairId: pair.id, pick: "left" });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain("body.rationale");
    const ok = await judge(t, queueId, ann!, { pairId: pair.id, pick: pickGood(pair), rationale: "clearer" });
    expect(ok.status).toBe(201);
    const stored = await db.judgment.findFirstOrThrow({ where: { projectId: t.project.id, queueId } });
    expect(stored.choice).toBe("A");
    expect(stored.leftSide).toBe(pair.left.startsWith("good") ? "A" : "B");
  });
});

describe("criteria ratings", () => {
  it("rates each response per criterion in screen terms and stores them in the pair's A/B terms", async () => {
    const t = await annotationTenant("annot-criteria");
    const [ann] = await annotators(t, 1);
    const { queueId } = await queueWithPairs(t, { k: 1, pairs: 1, members: [ann!] });
    await db.annotationQueue.update({ where: { projectId_id: { projectId: t.project.id, id: queueId } }, data: { criteria: [{ name: "helpful" }] } });
    const pair = (await next(t, queueId, ann!)).json.pair;
    const unknown = await judge(t, queueId, ann!, { pairId: pair.id, pick: "left", criteria: { "honest:left": 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("body.criteria.honest:left");
    expect((await judge(t, queueId, ann!, { pairId: pair.id, pick: "left", criteria: { "helpful:left": 5 } })).json.error?.message).toBeUndefined();
    const stored = await db.judgment.findFirstOrThrow({ where: { projectId: t.project.id, queueId } });
    // The left response was the pair's good (A) one or its bad (B) one: the rating follows it.
    const leftIsA = pair.left.startsWith("good");
    expect(stored.criteria).toEqual({ [`helpful:${leftIsA ? "A" : "B"}`]: 5 });
    expect(stored.choice).toBe(leftIsA ? "A" : "B");
  });
});
