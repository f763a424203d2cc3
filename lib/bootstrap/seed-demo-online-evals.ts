import "server-only";
import { db } from "../db";
import { evaluateOnlineRule } from "../online-evals/evaluate-online-rule";
import { createOnlineEvalRule } from "../online-evals/save-online-eval-rule";

export const DEMO_ONLINE_RULE = "Concise answers";

/**
 * The demo's online evaluation rule — 25 % of production traces, answers at most 400
 * characters (a deterministic evaluator, so no network) — and its eval scores on the demo
 * traces: the rule starts from `from` (the start of the seeded week) and one pass of the real
 * worker code scores them now. Idempotent: finds the rule by name; a second pass adds nothing.
 */
export async function seedDemoOnlineEvals(options: { projectId: string; from: Date }) {
  const { projectId } = options;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
  let rule = await db.onlineEvalRule.findUnique({ where: { projectId_name: { projectId, name: DEMO_ONLINE_RULE } }, select: { id: true } });
  if (!rule) {
    rule = await createOnlineEvalRule({
      project, actor: {}, backfillFrom: options.from,
      input: { name: DEMO_ONLINE_RULE, enabled: true, sampleRate: 25, filter: { environment: "production" }, evaluator: { type: "length", max: 400 }, scoreName: "concise" },
    });
  }
  return evaluateOnlineRule({ projectId, ruleId: rule.id, cutoff: new Date(), maxEvaluations: 100_000 });
}
