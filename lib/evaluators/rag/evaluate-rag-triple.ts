import "server-only";
import { db } from "../../db";
import { embeddingSettings } from "../../drift/embedding-settings";
import { providerEmbedder } from "../../embeddings/worker-embedder";
import { AppError } from "../../errors";
import { resolveLlmEndpoint } from "../../llm-connections/resolve-llm-endpoint";
import { addUsage, NO_USAGE } from "../judge-call";
import { type EvaluatorSpec, runEvaluator } from "../registry";
import type { EvalContext, EvalResult } from "../types";
import type { RagEvaluationBody } from "../../schemas/rag-evaluations";
import { parseRunEvaluators } from "../../runs/run-evaluators";

/**
 * The RAG evaluators on one triple, for CI: on the project's LLM connection (by name, or its
 * only one), each evaluator as runs and online rules run it, all at once. Bad evaluator params
 * are a 400 naming `body.evaluators.N.<param>`; an evaluator that cannot score answers "error"
 * with its reason (never a score). Usage and cost sum every provider call.
 */
export async function evaluateRagTriple(options: { projectId: string; body: RagEvaluationBody; signal?: AbortSignal }) {
  const { projectId, body } = options;
  const entries = body.evaluators ?? [
    { type: "faithfulness" }, { type: "answer_relevancy" }, { type: "conciseness" },
    ...(body.expectedAnswer !== undefined ? [{ type: "context_precision" }, { type: "context_recall" }] : []),
  ];
  const evaluators = parseRunEvaluators(entries as Record<string, unknown>[]);
  const connection = await pickConnection(projectId, body.connection);
  const { endpoint, overrides, connection: conn } = await resolveLlmEndpoint({ projectId, connectionId: connection.id });
  const model = body.model ?? conn.models[0];
  if (!model) throw new AppError("INVALID", `body.model: required (connection "${conn.name}" lists no model)`);
  const ctx: EvalContext = { judge: { endpoint, model, overrides }, signal: options.signal };
  if (evaluators.some((e) => e.spec.type === "answer_relevancy" && (e.spec.params as { embedder?: string }).embedder === "provider")) {
    const embedder = await providerEmbedder(projectId, await embeddingSettings({ projectId }), {});
    if (!embedder) throw new AppError("INVALID", "body.evaluators: answer_relevancy with embedder \"provider\" needs an embeddings provider (drift settings); use \"offline\"");
    ctx.embed = embedder.embed;
  }
  const item = { input: body.question, output: body.answer, contexts: body.contexts, ...(body.expectedAnswer !== undefined ? { expectedOutput: body.expectedAnswer } : {}) };
  const results = await Promise.all(evaluators.map((e) => runEvaluator(e.spec as EvaluatorSpec, item, ctx)));
  const usage = results.reduce((u, r) => (r.usage ? addUsage(u, r.usage) : u), NO_USAGE);
  return {
    connection: conn.name, model,
    results: Object.fromEntries(evaluators.map((e, i) => [e.key, { type: e.spec.type, ...view(results[i]!) }])),
    passed: results.every((r) => r.passed),
    usage,
  };
}

const view = (r: EvalResult) => ({ status: r.status, passed: r.passed, score: r.score, threshold: r.threshold, reason: r.reason, details: r.details ?? null, usage: r.usage ?? null });

async function pickConnection(projectId: string, name: string | undefined) {
  const select = { id: true, name: true } as const;
  if (name !== undefined) {
    const row = await db.llmConnection.findUnique({ where: { projectId_name: { projectId, name } }, select });
    if (!row) throw new AppError("INVALID", `body.connection: LLM connection "${name}" not found`);
    return row;
  }
  const rows = await db.llmConnection.findMany({ where: { projectId }, select, take: 2 });
  if (rows.length !== 1) throw new AppError("INVALID", "body.connection: required (name the LLM connection the evaluators call)");
  return rows[0]!;
}
