import "server-only";
import { db } from "../db";
import { evaluateOnlineRule, type JudgeLimits } from "./evaluate-online-rule";

/**
 * The worker's periodic pass: every enabled rule of every project, one after another. One
 * rule's failure (a bug, the database) is logged and does not stop the others; evaluator and
 * provider failures never get here — they are counted on the rule.
 */
export async function runOnlineEvaluations(options: { projectId?: string; cutoff?: Date; limits?: JudgeLimits; log?: (message: string) => void } = {}) {
  const rules = await db.onlineEvalRule.findMany({
    where: { enabled: true, ...(options.projectId ? { projectId: options.projectId } : {}) },
    select: { projectId: true, id: true, name: true }, orderBy: [{ projectId: "asc" }, { id: "asc" }],
  });
  const results = [];
  for (const rule of rules) {
    try {
      results.push({ ruleId: rule.id, ...(await evaluateOnlineRule({ projectId: rule.projectId, ruleId: rule.id, cutoff: options.cutoff, limits: options.limits })) });
    } catch (error) {
      (options.log ?? console.error)(`[pharos worker] online evaluation "${rule.name}" in project ${rule.projectId}: ${(error as Error).message}`);
    }
  }
  return results;
}
