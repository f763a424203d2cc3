import { db } from "../db";
import { addItems } from "../annotation/add-items";
import { createQueue } from "../annotation/create-queue";
import { pairsFromRuns } from "../annotation/pairs-from-sources";
import { leftSideFor } from "../annotation/screen-side";

export const DEMO_QUEUE = "support-answer v2 vs v3";
/** Demo annotators; they sign in with the demo owner's password (see the credentials file). */
export const DEMO_ANNOTATORS = ["ana@pharos.local", "ben@pharos.local", "cho@pharos.local"] as const;

const INSTRUCTIONS = `Which answer would you rather send to the customer?

- **Correct first**: the answer must state the right fact.
- It must cite the help-center article (\`[article: …]\`).
- Shorter is better when both are correct.

Press \`?\` for the keys.`;

type Choice = "A" | "B" | "tie" | "both_bad";

/**
 * A preference queue over the demo's two runs (v2 = A, v3 = B), with three annotators who have
 * judged most of it: mostly agreeing, Ben and Cho sometimes not, one disagreement adjudicated and
 * two gold pairs, so the statistics page has numbers. The last pairs are left for whoever signs
 * in (the demo owner is assigned too). Idempotent: skipped when the queue exists.
 */
export async function seedDemoAnnotation(options: { projectId: string; runIds: string[] }) {
  const { projectId } = options;
  if (await db.annotationQueue.findUnique({ where: { projectId_name: { projectId, name: DEMO_QUEUE } }, select: { id: true } })) return;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true, passwordHash: true } } } });
  const annotators: Array<{ id: string; email: string }> = [];
  for (const email of DEMO_ANNOTATORS) {
    const name = email.split("@")[0]!.replace(/^./, (c) => c.toUpperCase());
    const user = await db.user.upsert({ where: { email }, create: { email, name, passwordHash: owner.user.passwordHash }, update: {}, select: { id: true, email: true } });
    await db.membership.upsert({ where: { orgId_userId: { orgId: project.orgId, userId: user.id } }, create: { orgId: project.orgId, userId: user.id, role: "annotator" }, update: {} });
    annotators.push(user);
  }
  const queue = await createQueue({
    project, actor: { userId: owner.user.id },
    input: { name: DEMO_QUEUE, instructions: INSTRUCTIONS, judgmentsPerPair: 3, rationale: "optional", annotators: [...DEMO_ANNOTATORS, owner.user.email] },
  });
  const { pairIds } = await pairsFromRuns({ projectId, queueId: queue.id, runIds: options.runIds });
  const pairs = await db.preferencePair.findMany({ where: { projectId, id: { in: pairIds } }, orderBy: { position: "asc" }, select: { id: true, metadata: true } });
  // v3 (B) is shorter; where it dropped the citation (a regression) v2 (A) is the better answer.
  const truth = (p: (typeof pairs)[number]): Choice => ((p.metadata as { change?: string } | null)?.change === "regressed" ? "A" : "B");
  const judged = pairs.slice(0, Math.max(0, pairs.length - 3));
  const rows: Array<{ pairId: string; annotatorId: string; choice: Choice; rationale: string | null; durationMs: number }> = [];
  judged.forEach((p, i) => {
    const t = truth(p);
    const flip: Choice = t === "A" ? "B" : "A";
    const votes: Choice[] = [t, i % 4 === 1 ? flip : t, i % 3 === 2 ? (i % 2 ? "tie" : flip) : t];
    votes.forEach((choice, a) => {
      rows.push({
        pairId: p.id, annotatorId: annotators[a]!.id, choice,
        rationale: choice === t ? (i % 2 ? "Cites the article and says the fact." : null) : choice === "tie" ? "Both say the fact; hard to pick." : "Reads friendlier to me.",
        durationMs: 4_000 + ((i * 7_919 + a * 3_571) % 36_000),
      });
    });
  });
  const disputed = judged.find((p) => new Set(rows.filter((r) => r.pairId === p.id).map((r) => r.choice)).size > 1);
  await db.$transaction(async (tx) => {
    const start = Date.now() - rows.length * 60_000;
    await tx.judgment.createMany({
      data: rows.map((r, i) => ({ projectId, queueId: queue.id, ...r, leftSide: leftSideFor(r.pairId, r.annotatorId), source: "demo", createdAt: new Date(start + i * 60_000) })),
    });
    await tx.annotationLease.createMany({ data: rows.map((r) => ({ projectId, queueId: queue.id, pairId: r.pairId, userId: r.annotatorId, state: "done", expiresAt: new Date() })) });
    for (const p of judged) await tx.preferencePair.update({ where: { projectId_id: { projectId, id: p.id } }, data: { judgmentCount: 3 } });
    for (const p of pairs.slice(0, 2)) await tx.preferencePair.update({ where: { projectId_id: { projectId, id: p.id } }, data: { goldChoice: truth(p) } });
    if (disputed) {
      await tx.preferencePair.update({
        where: { projectId_id: { projectId, id: disputed.id } },
        data: { adjudicatedChoice: truth(disputed), adjudicatedById: owner.user.id, adjudicatedAt: new Date(), adjudicationNote: "The cited answer wins." },
      });
    }
  });
}

export const DEMO_RATING_QUEUE = "support-answer ratings";

/**
 * A single-item queue over ten recent demo traces (quality 1–5, tone, correct), three of them
 * rated by Ana: her ratings are scores with source "annotation" on those traces. Idempotent.
 */
export async function seedDemoRatings(options: { projectId: string }) {
  const { projectId } = options;
  if (await db.annotationQueue.findUnique({ where: { projectId_name: { projectId, name: DEMO_RATING_QUEUE } }, select: { id: true } })) return;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  const owner = await db.membership.findFirstOrThrow({ where: { orgId: project.orgId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true } } } });
  const ana = await db.user.findUnique({ where: { email: DEMO_ANNOTATORS[0] }, select: { id: true } });
  const traces = await db.trace.findMany({ where: { projectId, errorCount: 0, llmCount: { gt: 0 } }, orderBy: { startTime: "desc" }, take: 10, select: { id: true } });
  if (!ana || !traces.length) return;
  const queue = await createQueue({
    project, actor: { userId: owner.user.id },
    input: {
      name: DEMO_RATING_QUEUE, kind: "items", judgmentsPerPair: 1, annotators: [DEMO_ANNOTATORS[0], owner.user.email],
      instructions: "Rate the answer the customer got: **quality** 1–5, its **tone**, and whether it is **correct**.",
      scoreDefinitions: [
        { name: "quality", type: "numeric", min: 1, max: 5 },
        { name: "tone", type: "categorical", categories: ["formal", "friendly", "curt"] },
        { name: "correct", type: "boolean" },
      ],
    },
  });
  const { pairIds } = await addItems({ projectId, queueId: queue.id, traceIds: traces.map((t) => t.id) });
  const rated = pairIds.slice(0, 3).map((pairId, i) => ({ pairId, traceId: traces[i]!.id, scores: { quality: [4, 2, 5][i]!, tone: ["friendly", "curt", "formal"][i]!, correct: i !== 1 } }));
  await db.$transaction(async (tx) => {
    for (const r of rated) {
      const j = await tx.judgment.create({ data: { projectId, queueId: queue.id, pairId: r.pairId, annotatorId: ana.id, choice: "rated", criteria: r.scores, source: "demo", durationMs: 8_000 + r.scores.quality * 1_000 }, select: { id: true, createdAt: true } });
      await tx.score.createMany({
        data: [
          { projectId, id: `annotation-${j.id}-quality`, traceId: r.traceId, name: "quality", dataType: "NUMERIC", numberValue: r.scores.quality, source: "annotation", createdAt: j.createdAt },
          { projectId, id: `annotation-${j.id}-tone`, traceId: r.traceId, name: "tone", dataType: "CATEGORICAL", stringValue: r.scores.tone, source: "annotation", createdAt: j.createdAt },
          { projectId, id: `annotation-${j.id}-correct`, traceId: r.traceId, name: "correct", dataType: "BOOLEAN", numberValue: r.scores.correct ? 1 : 0, source: "annotation", createdAt: j.createdAt },
        ],
      });
      await tx.annotationLease.create({ data: { projectId, queueId: queue.id, pairId: r.pairId, userId: ana.id, state: "done", expiresAt: new Date() } });
      await tx.preferencePair.update({ where: { projectId_id: { projectId, id: r.pairId } }, data: { judgmentCount: 1 } });
    }
  });
}
