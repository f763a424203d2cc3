import type { LlmEndpoint } from "../llm/provider-http";
import type { PiiSettings } from "../pii/settings";
import type { PriceOverride } from "../pricing/price-overrides";

/** One golden-set item with the output under test. */
export type EvalCase = {
  input: unknown; output: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null;
  /** Retrieved passages (strings or documents `{ content, id? }`), for the RAG evaluators: a golden item's contexts, or a trace's answer context. */
  contexts?: unknown;
};

/**
 * passed/failed: the evaluator ran and the score met (or missed) the threshold.
 * error: it could not run (no expected output to compare with, the provider failed).
 * judge_error: an LLM judge answered, twice, with something that is not the required JSON.
 * Only "passed" passes: an evaluator that could not decide never counts as a pass.
 */
export type EvalStatus = "passed" | "failed" | "error" | "judge_error";

export type EvalResult = {
  status: EvalStatus;
  passed: boolean;
  /** In the evaluator's own scale (see the registry); null when it could not score. */
  score: number | null;
  threshold: number;
  reason: string;
  details?: Record<string, unknown>;
  /** Provider calls the evaluator made (LLM judge, re-asking the subject), priced like every other call. */
  usage?: EvalUsage;
};

export type EvalUsage = { calls: number; inputTokens: number; outputTokens: number; cost: number | null; latencyMs: number };

/**
 * The system under test, for evaluators that ask it again: self-consistency (the same input k
 * times), counterfactual fairness (a rewritten input). Only prompt runs have one: Pharos cannot
 * re-ask a system whose outputs the caller supplied. Each answer carries the call's usage,
 * which the evaluator adds to its own so the item's cost covers it.
 */
export type EvalSubject = {
  complete(options: { input: unknown; temperature?: number; signal?: AbortSignal }): Promise<{ output: string; usage: EvalUsage }>;
};

/** What evaluators that call a model need; the runs engine resolves it from an LLM connection. */
export type EvalContext = {
  judge?: { endpoint: LlmEndpoint; model: string; overrides?: PriceOverride[]; timeoutMs?: number; retry?: { maxAttempts?: number; baseDelayMs?: number } };
  /** Absent for supplied-output runs and outside runs. */
  subject?: EvalSubject;
  /** The project's PII settings (detectors and custom patterns), for the leak evaluator; defaults when absent. */
  pii?: PiiSettings;
  /** The instructions of the prompt version under test (its system messages, or a text template's literal text), for the leak evaluator. */
  systemPrompt?: string | null;
  /** The project's configured embeddings provider (embedding_similarity with embedder "provider"); one vector per text, in order. */
  embed?: (texts: string[]) => Promise<ArrayLike<number>[]>;
  signal?: AbortSignal;
};

/** A result from a score and a threshold: pass when score ≥ threshold. */
export function scored(score: number, threshold: number, reason: string, details?: Record<string, unknown>): EvalResult {
  const passed = score >= threshold;
  return { status: passed ? "passed" : "failed", passed, score, threshold, reason, ...(details ? { details } : {}) };
}

export function cannotScore(threshold: number, reason: string, status: "error" | "judge_error" = "error", extra: Partial<EvalResult> = {}): EvalResult {
  return { status, passed: false, score: null, threshold, reason, ...extra };
}
