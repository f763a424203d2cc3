import "server-only";
import { ZodError } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { type EvaluatorSpec, isRagEvaluator, parseEvaluatorSpec } from "../evaluators/registry";
import type { Prisma } from "../generated/prisma/client";
import type { OnlineEvalFilter, OnlineEvalRuleView } from "../schemas/online-evals";

/** Shared by the services in this folder; not a service itself. */
export type Tx = Prisma.TransactionClient;
export type Actor = { userId?: string | null; apiKeyId?: string | null };
export const actorColumns = (a: Actor) => ({ actorUserId: a.userId ?? null, actorApiKey: a.apiKeyId ?? null });

/**
 * Evaluators that compare with an expected output, which a production trace does not have:
 * they could only ever answer "error" online. Every other registry evaluator runs on the
 * trace's input and output (or its LLM span's).
 */
const NEEDS_EXPECTED = new Set(["exact_match", "numeric", "embedding_similarity", "context_precision", "context_recall"]);

type RuleRow = Prisma.OnlineEvalRuleGetPayload<object>;

export function viewOf(r: RuleRow): OnlineEvalRuleView {
  const spec = r.evaluator as unknown as EvaluatorSpec;
  return {
    id: r.id, name: r.name, enabled: r.enabled, sampleRate: r.sampleRate, filter: r.filter as OnlineEvalFilter,
    evaluator: { type: spec.type, ...(spec.params as Record<string, unknown>) },
    connectionId: r.connectionId, model: r.model, scoreName: r.scoreName,
    stats: {
      evaluated: r.evaluatedCount, meanScore: r.evaluatedCount ? r.scoreSum / r.evaluatedCount : null,
      errors: r.errorCount, lastError: r.lastError, lastErrorAt: r.lastErrorAt, lastRunAt: r.lastRunAt,
      judgeCalls: r.judgeCalls, cost: Number(r.costTotal),
      escalated: r.escalatedCount, escalationRate: r.evaluatedCount + r.errorCount ? r.escalatedCount / (r.evaluatedCount + r.errorCount) : null,
    },
    createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

/** What audit rows record: the definition, not the counters. */
export const auditSnapshot = (v: OnlineEvalRuleView) => ({
  name: v.name, enabled: v.enabled, sampleRate: v.sampleRate, filter: v.filter, evaluator: v.evaluator, connectionId: v.connectionId, model: v.model, scoreName: v.scoreName,
});

/** `{ type, ...params }` → a registry spec, or a 400 naming `<field>.<param>`. */
export function parseRuleEvaluator(entry: Record<string, unknown>, field = "body.evaluator"): EvaluatorSpec {
  let spec: EvaluatorSpec;
  try {
    spec = parseEvaluatorSpec(entry);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0]!;
    throw new AppError("INVALID", `${[field, ...issue.path.map(String)].join(".")}: ${issue.message}`, error.issues);
  }
  if (NEEDS_EXPECTED.has(spec.type)) throw new AppError("INVALID", `${field}.type: ${spec.type} compares with an expected output, which production traces do not have`);
  // Re-asking the system under test needs a prompt run; a production trace's caller is not Pharos.
  if (spec.type === "self_consistency") throw new AppError("INVALID", `${field}.type: self_consistency re-asks the model under test, which only a regression run can do`);
  return spec;
}

/**
 * The judge's connection and model: required for llm_judge (model: the given one, the
 * evaluator's own, else the connection's first), dropped for evaluators that call no model.
 */
export async function resolveJudge(options: { projectId: string; spec: EvaluatorSpec; connection?: string; connectionId?: string | null; model?: string | null }) {
  const { projectId, spec } = options;
  if (spec.type !== "llm_judge" && !isRagEvaluator(spec.type)) return { connectionId: null, model: null };
  const select = { id: true, name: true, models: true } as const;
  let row: { id: string; name: string; models: string[] } | null = null;
  if (options.connectionId) {
    row = await db.llmConnection.findUnique({ where: { projectId_id: { projectId, id: options.connectionId } }, select });
    if (!row) throw new AppError("INVALID", `body.connectionId: LLM connection ${options.connectionId} not found`);
  } else if (options.connection) {
    row = await db.llmConnection.findUnique({ where: { projectId_name: { projectId, name: options.connection } }, select });
    if (!row) throw new AppError("INVALID", `body.connection: LLM connection "${options.connection}" not found`);
  } else {
    throw new AppError("INVALID", `body.connection: ${spec.type} needs an LLM connection for the judge`);
  }
  const model = options.model ?? (spec.params as { model?: string }).model ?? row.models[0];
  if (!model) throw new AppError("INVALID", `body.model: required (the evaluator names no model and connection "${row.name}" lists none)`);
  return { connectionId: row.id, model };
}

export const nameTaken = (name: string) => new AppError("CONFLICT", `body.name: an online evaluation rule named "${name}" already exists`);

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** A rule of the project, or 404: ids of other projects are simply not found. */
export async function requireRule(options: { projectId: string; ruleId?: string; name?: string; tx?: Tx }): Promise<RuleRow> {
  const client = options.tx ?? db;
  const row = options.ruleId !== undefined
    ? await client.onlineEvalRule.findUnique({ where: { projectId_id: { projectId: options.projectId, id: options.ruleId } } })
    : await client.onlineEvalRule.findUnique({ where: { projectId_name: { projectId: options.projectId, name: options.name ?? "" } } });
  if (!row) throw new AppError("NOT_FOUND", options.ruleId !== undefined ? `online evaluation rule ${options.ruleId} not found` : `online evaluation rule "${options.name}" not found`);
  return row;
}
