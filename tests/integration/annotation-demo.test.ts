// The demo's annotation queue: three annotators with some disagreement and one adjudication, so the stats have numbers.
import { describe, expect, it } from "vitest";
import { queueStats } from "@/lib/annotation/queue-stats";
import { DEMO_QUEUE, DEMO_RATING_QUEUE, seedDemoAnnotation, seedDemoRatings } from "@/lib/bootstrap/seed-demo-annotation";
import { seedDemoTraces } from "@/lib/bootstrap/seed-demo-traces";
import { seedDemoPrompts } from "@/lib/bootstrap/seed-demo-prompts";
import { seedDemoRuns } from "@/lib/bootstrap/seed-demo-runs";
import { db } from "@/lib/db";
import { createOrgAndProject } from "../factories";

describe("demo annotation queue", () => {
  it("has pairs from the demo runs with provenance, judgments with disagreement, an adjudication and gold pairs; seeding twice adds nothing", async () => {
    const t = await createOrgAndProject("demo-annot");
    await seedDemoPrompts({ projectId: t.project.id, now: new Date() });
    const { runIds } = await seedDemoRuns({ projectId: t.project.id });
    await seedDemoAnnotation({ projectId: t.project.id, runIds });
    await seedDemoAnnotation({ projectId: t.project.id, runIds });
    const queues = await db.annotationQueue.findMany({ where: { projectId: t.project.id } });
    expect(queues.map((q) => q.name)).toEqual([DEMO_QUEUE]);
    const pairs = await db.preferencePair.findMany({ where: { projectId: t.project.id } });
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    expect(pairs.every((p) => p.runIds.join() === runIds.join() && p.promptVersions.join() === "support-answer@2,support-answer@3")).toBe(true);
    const stats = await queueStats({ projectId: t.project.id, queueId: queues[0]!.id });
    expect(stats.kappa).toHaveLength(3);
    expect(stats.alpha).not.toBeNull();
    expect(stats.alpha!).toBeGreaterThan(0);
    expect(stats.alpha!).toBeLessThan(1);
    expect(stats.annotators.map((a) => a.goldPairs)).toEqual([2, 2, 2]);
    expect(pairs.filter((p) => p.adjudicatedChoice)).toHaveLength(1);
    expect(stats.decided).toBeGreaterThan(0);
    expect(pairs.filter((p) => p.judgmentCount === 0).length).toBe(3);
    expect(stats.durationsMs.length).toBe(stats.judgments);
  }, 60_000);

  it("has a single-item queue whose ratings are annotation scores on the traces", async () => {
    const t = await createOrgAndProject("demo-ratings");
    await seedDemoTraces({ projectId: t.project.id, days: 1, perDay: 30, now: new Date() });
    await seedDemoPrompts({ projectId: t.project.id, now: new Date() });
    await seedDemoAnnotation({ projectId: t.project.id, runIds: (await seedDemoRuns({ projectId: t.project.id })).runIds });
    await seedDemoRatings({ projectId: t.project.id });
    await seedDemoRatings({ projectId: t.project.id });
    const queue = await db.annotationQueue.findUniqueOrThrow({ where: { projectId_name: { projectId: t.project.id, name: DEMO_RATING_QUEUE } } });
    expect(queue.kind).toBe("items");
    expect(await db.preferencePair.count({ where: { projectId: t.project.id, queueId: queue.id } })).toBe(10);
    const scores = await db.score.findMany({ where: { projectId: t.project.id, source: "annotation" } });
    expect(scores).toHaveLength(9);
    expect(new Set(scores.map((s) => s.name))).toEqual(new Set(["quality", "tone", "correct"]));
  }, 90_000);
});
