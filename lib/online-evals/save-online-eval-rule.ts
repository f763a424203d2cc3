import "server-only";
import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { toJsonValue } from "../json";
import type { CreateOnlineEval, PutOnlineEval, UpdateOnlineEval } from "../schemas/online-evals";
import { isRagEvaluator } from "../evaluators/registry";
import { type Actor, actorColumns, auditSnapshot, isUniqueViolation, nameTaken, parseRuleEvaluator, requireRule, resolveJudge, viewOf } from "./rule-rows";

type Project = { id: string; orgId: string };

/** The definition columns of a whole rule, validated against the registry and the project's connections. */
async function definition(projectId: string, name: string, input: PutOnlineEval) {
  const spec = parseRuleEvaluator(input.evaluator);
  const judge = await resolveJudge({ projectId, spec, connection: input.connection, connectionId: input.connectionId, model: input.model });
  return {
    enabled: input.enabled, sampleRate: input.sampleRate, filter: toJsonValue(input.filter), evaluator: toJsonValue(spec),
    // A RAG evaluator's score is named after it by default, so the overview, the explorer and the inbox's faithfulness rule find it.
    ...judge, scoreName: input.scoreName ?? (isRagEvaluator(spec.type) ? spec.type : name),
  };
}

/**
 * A new rule. It evaluates traces that arrive from now on: its watermark starts at its creation
 * (`backfillFrom` moves it back, for the demo seed and tests that score traces already stored).
 */
export async function createOnlineEvalRule(options: { project: Project; actor: Actor; input: CreateOnlineEval; backfillFrom?: Date }) {
  const { project, input } = options;
  const data = await definition(project.id, input.name, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.onlineEvalRule.create({
        data: { projectId: project.id, name: input.name, ...data, watermarkAt: options.backfillFrom ?? new Date(), createdById: options.actor.userId ?? null },
      });
      const view = viewOf(row);
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: "online_eval.create", resourceType: "online_eval_rule", resourceId: row.id, after: toJsonValue(auditSnapshot(view)),
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Public API: creates the rule called `name`, or replaces its definition (its watermark and counters stay). */
export async function putOnlineEvalRule(options: { project: Project; actor: Actor; name: string; input: PutOnlineEval }) {
  const { project, name, input } = options;
  const data = await definition(project.id, name, input);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.onlineEvalRule.findUnique({ where: { projectId_name: { projectId: project.id, name } } });
      const row = existing
        ? await tx.onlineEvalRule.update({ where: { projectId_id: { projectId: project.id, id: existing.id } }, data })
        : await tx.onlineEvalRule.create({ data: { projectId: project.id, name, ...data, watermarkAt: new Date() } });
      const view = viewOf(row);
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: existing ? "online_eval.update" : "online_eval.create", resourceType: "online_eval_rule", resourceId: row.id,
        ...(existing ? { before: toJsonValue(auditSnapshot(viewOf(existing))) } : {}), after: toJsonValue(auditSnapshot(view)),
      });
      return { rule: view, created: !existing };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** UI: changes some fields; the evaluator and judge are re-validated together. Disabling keeps the watermark, so re-enabling catches up. */
export async function updateOnlineEvalRule(options: { project: Project; actor: Actor; ruleId: string; changes: UpdateOnlineEval }) {
  const { project, changes } = options;
  const existing = await requireRule({ projectId: project.id, ruleId: options.ruleId });
  const before = viewOf(existing);
  const merged = {
    enabled: changes.enabled ?? existing.enabled,
    sampleRate: changes.sampleRate ?? existing.sampleRate,
    filter: changes.filter ?? before.filter,
    evaluator: changes.evaluator ?? before.evaluator,
    connectionId: changes.connectionId === undefined ? (existing.connectionId ?? undefined) : (changes.connectionId ?? undefined),
    model: changes.model === undefined ? (existing.model ?? undefined) : (changes.model ?? undefined),
    scoreName: changes.scoreName ?? existing.scoreName,
  };
  const name = changes.name ?? existing.name;
  const data = await definition(project.id, name, merged);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.onlineEvalRule.update({ where: { projectId_id: { projectId: project.id, id: existing.id } }, data: { ...data, name } });
      const view = viewOf(row);
      await writeAuditLog(tx, {
        orgId: project.orgId, projectId: project.id, ...actorColumns(options.actor),
        action: changes.enabled !== undefined && Object.keys(changes).length === 1 ? (changes.enabled ? "online_eval.enable" : "online_eval.disable") : "online_eval.update",
        resourceType: "online_eval_rule", resourceId: row.id, before: toJsonValue(auditSnapshot(before)), after: toJsonValue(auditSnapshot(view)),
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}
