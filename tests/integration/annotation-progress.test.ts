// Queue progress comes from counters that triggers keep on the queue row. After every kind of
// change (pairs added, judged, undone, imported, k changed, a pair deleted) they equal a scan of
// the pairs, which is what they replace.
import { describe, expect, it } from "vitest";
import * as publicJudgments from "@/app/api/public/annotation-queues/[queueId]/judgments/route";
import * as publicPairs from "@/app/api/public/annotation-queues/[queueId]/pairs/route";
import * as queueRoute from "@/app/api/projects/[projectId]/annotation-queues/[queueId]/route";
import { db } from "@/lib/db";
import { addMember } from "../factories";
import { annotationTenant, annotators, judge, next, pickGood, queueWithPairs, undo } from "../support/annotation";
import { call } from "../support/route";

/** The scan the counters replace. */
async function scanned(projectId: string, queueId: string) {
  const [row] = await db.$queryRaw<Array<{ pairs: number; done: number }>>`
    select count(*)::int as pairs, coalesce(sum(least(p.judgment_count, q.judgments_per_pair)), 0)::int as done
    from preference_pairs p join annotation_queues q on q.project_id = p.project_id and q.id = p.queue_id
    where p.project_id = ${projectId} and p.queue_id = ${queueId}`;
  return row!;
}

describe("annotation queue progress counters", () => {
  it("equal a scan of the pairs after adds, judgments, undo, imports, a change of k and a deleted pair", async () => {
    const t = await annotationTenant("annot-progress");
    const [ann, bob] = await annotators(t, 2);
    const lead = await addMember(t, "admin");
    const { queueId, pairIds } = await queueWithPairs(t, { k: 2, pairs: 5, members: [ann!, bob!] });
    const check = async (expected: { pairs: number; done: number }) => {
      expect(await scanned(t.project.id, queueId)).toEqual(expected);
      const claimed = await next(t, queueId, lead); // the lead is not assigned: progress comes with a 403
      expect(claimed.status).toBe(403);
      const progress = (await next(t, queueId, bob!)).json.progress;
      expect({ pairs: progress.pairs, done: progress.done, wanted: progress.wanted }).toEqual({ ...expected, wanted: expected.pairs * (k ?? 2) });
    };
    let k = 2;
    await check({ pairs: 5, done: 0 });

    // Ann judges three pairs (each one judgment toward k = 2), then undoes the last.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pair = (await next(t, queueId, ann!, ids)).json.pair;
      ids.push(pair.id);
      const judged = await judge(t, queueId, ann!, { pairId: pair.id, pick: pickGood(pair) });
      expect(judged.status, JSON.stringify(judged.json)).toBe(201);
      expect(judged.json.progress).toMatchObject({ mine: i + 1, done: i + 1, pairs: 5 });
    }
    const last = await db.judgment.findFirstOrThrow({ where: { projectId: t.project.id, queueId, annotatorId: ann!.user.id }, orderBy: { createdAt: "desc" } });
    expect((await undo(t, queueId, ann!, last.id)).status).toBe(200);
    await check({ pairs: 5, done: 2 });

    // Labels made elsewhere: three judgments on one pair count only up to k.
    const imported = await call(publicJudgments.POST, "POST", {
      authorization: t.auth, params: { queueId },
      body: { judgments: [{ pairId: pairIds[4], annotator: ann!.user.email, choice: "A" }, { pairId: pairIds[4], annotator: bob!.user.email, choice: "A" }, { pairId: pairIds[4], annotator: lead.user.email, choice: "B" }] },
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    await check({ pairs: 5, done: 4 });

    // More pairs, then k = 1: every judged pair now counts once.
    const added = await call(publicPairs.POST, "POST", { authorization: t.auth, params: { queueId }, body: { pairs: [{ prompt: "q", responseA: "good x", responseB: "bad x" }] } });
    expect(added.status).toBe(201);
    await check({ pairs: 6, done: 4 });
    const patched = await call(queueRoute.PATCH, "PATCH", { params: { projectId: t.project.id, queueId }, cookie: lead.cookie, body: { judgmentsPerPair: 1 } });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    k = 1;
    await check({ pairs: 6, done: 3 });

    // A deleted pair takes its pair and its judgments with it.
    await db.judgment.deleteMany({ where: { projectId: t.project.id, pairId: pairIds[4] } });
    await db.preferencePair.delete({ where: { projectId_id: { projectId: t.project.id, id: pairIds[4]! } } });
    await check({ pairs: 5, done: 2 });

    // Another queue of the same project is untouched by all of it.
    const other = await queueWithPairs(t, { k: 1, pairs: 2, members: [ann!] });
    expect(await db.annotationQueue.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: other.queueId } }, select: { pairCount: true, judgmentsDone: true } })).toEqual({ pairCount: 2, judgmentsDone: 0 });
  });
});
