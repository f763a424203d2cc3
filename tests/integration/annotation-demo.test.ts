// The demo's annotation queue: three annotators with some disagreement and one adjudication, so the stats have numbers.
import { describe, expect, it } from "vitest";
import { queueStats } from "@/lib/annotation/queue-stats";
import { DEMO_QUEUE, seedDemoAnnotation } from "@/lib/bootstrap/seed-demo-annotation";
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
});
