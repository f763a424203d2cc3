import "server-only";
import { z } from "zod";
import { contains, containsParams, notContains } from "./contains";
import { counterfactual, counterfactualParams } from "./counterfactual";
import { embeddingSimilarity, embeddingSimilarityParams } from "./embedding-similarity";
import { exactMatch, exactMatchParams } from "./exact-match";
import { jsonSchema, jsonSchemaParams } from "./json-schema";
import { jsonValid, jsonValidParams } from "./json-valid";
import { leak, leakParams } from "./leak";
import { length, lengthParams } from "./length";
import { llmJudge, llmJudgeParams } from "./llm-judge";
import { numeric, numericParams } from "./numeric";
import { answerRelevancy, answerRelevancyParams } from "./rag/answer-relevancy";
import { conciseness, concisenessParams } from "./rag/conciseness";
import { contextPrecision, contextPrecisionParams } from "./rag/context-precision";
import { contextRecall, contextRecallParams } from "./rag/context-recall";
import { faithfulness, faithfulnessParams } from "./rag/faithfulness";
import { refusal, refusalParams } from "./refusal";
import { regex, regexParams } from "./regex";
import { selfConsistency, selfConsistencyParams } from "./self-consistency";
import type { EvalCase, EvalContext, EvalResult } from "./types";

/**
 * The public evaluator `type` names (POST /api/public/runs `evaluators: [{ type, ...params, threshold? }]`)
 * and what each scores. Scores are in [0, 1] except embedding_similarity (cosine, −1…1),
 * llm_judge (1–5, or 1/0 for pass_fail) and counterfactual (cosine, or the judge's 1/0); an item
 * passes an evaluator when score ≥ threshold. refusal and counterfactual pass an item they do not
 * apply to with a null score (reason "not applicable: …"). self_consistency (mean pairwise
 * agreement, 0…1) and counterfactual re-ask the system under test, so they need a prompt run.
 * The RAG evaluators (faithfulness, answer_relevancy, context_precision, context_recall,
 * conciseness) score 0–1 and pass an item with an empty answer with a null score.
 */
export const EVALUATORS = {
  exact_match: { params: exactMatchParams, run: exactMatch },
  contains: { params: containsParams, run: contains },
  not_contains: { params: containsParams, run: notContains },
  regex: { params: regexParams, run: regex },
  json_valid: { params: jsonValidParams, run: jsonValid },
  json_schema: { params: jsonSchemaParams, run: jsonSchema },
  numeric: { params: numericParams, run: numeric },
  length: { params: lengthParams, run: length },
  embedding_similarity: { params: embeddingSimilarityParams, run: embeddingSimilarity },
  llm_judge: { params: llmJudgeParams, run: llmJudge },
  self_consistency: { params: selfConsistencyParams, run: selfConsistency },
  // Suites: counterfactual fairness (re-asks the system under test, prompt runs only) and the red-team checks.
  counterfactual: { params: counterfactualParams, run: counterfactual },
  refusal: { params: refusalParams, run: refusal },
  leak: { params: leakParams, run: leak },
  // RAG (lib/evaluators/rag): on { question (input), answer (output), contexts, expected answer }, all 0–1.
  faithfulness: { params: faithfulnessParams, run: faithfulness },
  answer_relevancy: { params: answerRelevancyParams, run: answerRelevancy },
  context_precision: { params: contextPrecisionParams, run: contextPrecision },
  context_recall: { params: contextRecallParams, run: contextRecall },
  conciseness: { params: concisenessParams, run: conciseness },
} as const;

/** The RAG evaluators: they read `contexts` and call the judge connection (tiered with `escalation`). */
export const RAG_EVALUATORS = ["faithfulness", "answer_relevancy", "context_precision", "context_recall", "conciseness"] as const satisfies readonly (keyof typeof EVALUATORS)[];
export type RagEvaluatorType = (typeof RAG_EVALUATORS)[number];
export const isRagEvaluator = (type: string): type is RagEvaluatorType => (RAG_EVALUATORS as readonly string[]).includes(type);

export type EvaluatorType = keyof typeof EVALUATORS;
export const EVALUATOR_TYPES = Object.keys(EVALUATORS) as EvaluatorType[];

/** An evaluator as configured: its type and validated params (defaults filled in). */
export type EvaluatorSpec = { [K in EvaluatorType]: { type: K; params: z.output<(typeof EVALUATORS)[K]["params"]> } }[EvaluatorType];

const typeSchema = z.object({ type: z.enum(EVALUATOR_TYPES as [EvaluatorType, ...EvaluatorType[]], { error: `must be one of ${EVALUATOR_TYPES.join(", ")}` }) }).passthrough();

/**
 * `{ type, ...params }` → a spec. Throws a ZodError whose paths name the field ("type",
 * "pattern", "schema"…), so a route maps it to a 400 naming e.g. `body.evaluators.2.pattern`.
 */
export function parseEvaluatorSpec(value: unknown): EvaluatorSpec {
  const { type, ...rest } = typeSchema.parse(value);
  return { type, params: EVALUATORS[type].params.parse(rest) } as EvaluatorSpec;
}

/** Runs one evaluator on one item. Never throws for what the output holds; only for a programming error. */
export async function runEvaluator(spec: EvaluatorSpec, c: EvalCase, ctx: EvalContext = {}): Promise<EvalResult> {
  const run = EVALUATORS[spec.type].run as (params: unknown, c: EvalCase, ctx: EvalContext) => EvalResult | Promise<EvalResult>;
  return run(spec.params, c, ctx);
}
