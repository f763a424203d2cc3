import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { canaryGuardSchema } from "../schemas/prompts";
import { guardBreach } from "./canary-stats";
import { guardSide, readCanarySides } from "./compare-canary";
import { endCanary } from "./end-canary";

/**
 * The guard (worker, every minute): every active canary with thresholds is compared with its
 * main version since it started; one that breaks a threshold is ended as `guard_ended`, with an
 * audit row and a release event. Safe to run in several workers at once: the end is a
 * conditional update, so a canary is ended once and the losing worker does nothing.
 */
export async function checkCanaryGuards(options: { projectId?: string } = {}) {
  const active = await db.promptCanary.findMany({ where: { status: "active", guard: { not: Prisma.DbNull }, ...(options.projectId ? { projectId: options.projectId } : {}) }, take: 1000 });
  const ended: { projectId: string; canaryId: string; reason: string }[] = [];
  for (const canary of active) {
    const guard = canaryGuardSchema.safeParse(canary.guard);
    if (!guard.success) continue;
    const [prompt, project] = await Promise.all([
      db.prompt.findUnique({ where: { projectId_id: { projectId: canary.projectId, id: canary.promptId } }, select: { name: true } }),
      db.project.findUnique({ where: { id: canary.projectId }, select: { id: true, orgId: true } }),
    ]);
    if (!prompt || !project) continue;
    const sides = await readCanarySides({ projectId: canary.projectId, promptName: prompt.name, baseVersion: canary.baseVersion, canaryVersion: canary.canaryVersion, from: canary.startedAt, to: null });
    const breach = guardBreach(guard.data, guardSide(sides.canary), guardSide(sides.main));
    if (breach) {
      const done = await endCanary({ project, userId: null, promptId: canary.promptId, canaryId: canary.id, reason: `guard: ${breach}`, byGuard: true, quiet: true });
      if (done) ended.push({ projectId: canary.projectId, canaryId: canary.id, reason: breach });
    } else {
      await db.promptCanary.updateMany({ where: { projectId: canary.projectId, id: canary.id, status: "active" }, data: { lastCheckedAt: new Date() } });
    }
  }
  return ended;
}
