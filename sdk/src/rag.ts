import { type Http, request } from "./runs.js";
import type { RetrievedDocument } from "./types.js";

export type RagEvaluatorType = "faithfulness" | "answer_relevancy" | "context_precision" | "context_recall" | "conciseness";

/** POST /api/public/rag-evaluations: one `{ question, contexts, answer }` triple. */
export type RagEvaluationParams = {
  question: string;
  answer: string;
  /** The retrieved passages, in rank order: strings or `{ content, id?, score?, metadata? }`. */
  contexts: Array<string | RetrievedDocument>;
  /** Needed by context_precision and context_recall. */
  expectedAnswer?: string;
  /** Omitted: faithfulness, answer_relevancy and conciseness (+ context_precision/recall with an expected answer). */
  evaluators?: Array<{ type: RagEvaluatorType; threshold?: number; model?: string; escalation?: Record<string, unknown>; [param: string]: unknown }>;
  /** The project's LLM connection by name (optional when it has one). */
  connection?: string;
  model?: string;
};

export type RagEvaluationResult = {
  type: RagEvaluatorType;
  /** "error": it could not score (no context, the model failed or answered without the required JSON twice). */
  status: "passed" | "failed" | "error" | "judge_error";
  passed: boolean;
  score: number | null;
  threshold: number;
  reason: string;
  /** faithfulness: the sentences, each statement with its verdict, and the passages checked. */
  details: Record<string, unknown> | null;
  usage: { calls: number; inputTokens: number; outputTokens: number; cost: number | null; latencyMs: number } | null;
};

export type RagEvaluation = { connection: string; model: string; results: Record<string, RagEvaluationResult>; passed: boolean; usage: NonNullable<RagEvaluationResult["usage"]> };

/** `pharos.rag`: the RAG evaluators for CI checks outside runs. Throws a PharosError on a bad request (the message names the field). */
export class RagEvaluations {
  private readonly http: Http;
  constructor(http: Http) {
    this.http = http;
  }

  /** Scores one triple; model calls take time, so the request waits up to `timeoutMs` (default 120 s). */
  evaluate(params: RagEvaluationParams, options: { timeoutMs?: number } = {}): Promise<RagEvaluation> {
    return request<RagEvaluation>({ ...this.http, timeoutMs: options.timeoutMs ?? 120_000 }, "POST", "/api/public/rag-evaluations", params);
  }
}
