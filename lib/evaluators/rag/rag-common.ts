import { z } from "zod";
import type { ChatCompletionResult } from "../../llm/chat-completion";
import { priceAsModel } from "../judge-escalation";
import { addUsage, usageOf } from "../judge-call";
import { type EvalCase, type EvalContext, type EvalResult, type EvalUsage, cannotScore } from "../types";
import { askJson, type Judge } from "./ask-json";
import type { ClaimsFailure } from "./judge-claims";
import { DEFAULT_OVERLAP } from "./rag-escalation";
import { checkStatements, STATEMENTS_SHAPE, statementsMessages, statementsSchema } from "./rag-prompts";
import { answerText, type Passage, passagesOf, questionText, sentencesOf } from "./rag-text";
import { asText, hasExpected } from "../text";

const modelName = z.string().trim().min(1).max(256);
const unit = z.number().min(0).max(1);

/** Tiered mode: the cheap model (`model`, or the connection's) judges first; the claims it is uncertain about go to `escalation.model`. */
export const overlapEscalation = z.object({
  /** The strong model. */
  model: modelName,
  /** A cheap "yes" below `low` overlap, or "no" at or above `high`, is uncertain. */
  overlap: z.object({ low: unit, high: unit }).strict().refine((b) => b.low <= b.high, { message: "low must not exceed high", path: ["high"] }).default(DEFAULT_OVERLAP),
}).strict();

/** Params every claim-based RAG evaluator takes. */
export function claimParams(defaultThreshold: number) {
  return z.object({
    /** The judge model (the cheap one when escalating); defaults to the connection's model. */
    model: modelName.optional(),
    /** Ask for a JSON response (response_format json_object); turn off for endpoints that refuse it. */
    jsonMode: z.boolean().default(true),
    /** 0–1: the item passes at or above it. */
    threshold: unit.default(defaultThreshold),
    escalation: overlapEscalation.optional(),
  }).strict();
}
export type ClaimParams = z.infer<ReturnType<typeof claimParams>>;

/** The triple a RAG evaluator reads from an item, a trace or an API call. */
export type RagCase = { question: string; answer: string; passages: Passage[]; expected: string | null };

export function ragCase(c: EvalCase): RagCase {
  return { question: questionText(c.input), answer: answerText(c.output), passages: passagesOf(c.contexts), expected: hasExpected(c.expectedOutput) ? answerText(c.expectedOutput) || asText(c.expectedOutput) : null };
}

export function requireJudge(ctx: EvalContext): Judge | null {
  return ctx.judge ?? null;
}

/** Calls a RAG evaluator made, split by tier, as one usage and the tiering record the run summary totals. */
export type RagTiered = {
  tier: "cheap" | "strong";
  escalated: boolean;
  /** Claims judged, and how many of them went to the strong model. */
  claims: number;
  escalatedClaims: number;
  reason: "disagreement" | "band" | null;
  why: string | null;
  cheap: { model: string; usage: EvalUsage };
  strong: { model: string; usage: EvalUsage } | null;
  /** The cheap calls priced at the strong model: what running the evaluator on the strong model alone would have cost (null: unpriced). */
  strongOnlyCost: number | null;
};

export function tieredRecord(options: { judge: Judge; cheapModel: string; strongModel?: string; cheapCalls: ChatCompletionResult[]; strongCalls: ChatCompletionResult[]; claims: number; escalatedClaims: number; reason: RagTiered["reason"]; why: string | null }): { usage: EvalUsage; tiered: RagTiered | null } {
  const cheapUsage = usageOf(options.cheapCalls);
  if (!options.strongModel) return { usage: cheapUsage, tiered: null };
  const strongUsage = usageOf(options.strongCalls);
  const escalated = options.strongCalls.length > 0 || options.escalatedClaims > 0;
  return {
    usage: addUsage(cheapUsage, strongUsage),
    tiered: {
      tier: escalated ? "strong" : "cheap", escalated, claims: options.claims, escalatedClaims: options.escalatedClaims, reason: escalated ? options.reason : null, why: escalated ? options.why : null,
      cheap: { model: options.cheapModel, usage: cheapUsage },
      strong: escalated ? { model: options.strongModel, usage: strongUsage } : null,
      strongOnlyCost: priceAsModel({ calls: options.cheapCalls, model: options.strongModel, overrides: options.judge.overrides }),
    },
  };
}

/**
 * A model that answered without the required JSON twice, or a provider that failed: the
 * evaluation is "error" with the reason, never a score.
 */
export function failedEvaluation(threshold: number, what: string, f: ClaimsFailure | { kind: "parse_error"; problems: string[]; tier: "cheap" | "strong"; model: string } | { kind: "error"; message: string; tier: "cheap" | "strong"; model: string }, usage: EvalUsage, details: Record<string, unknown> = {}): EvalResult {
  const reason = f.kind === "parse_error"
    ? `judge error: ${what} — the ${f.tier === "strong" ? "strong " : ""}model (${f.model}) answered twice without the required JSON (${f.problems.join("; then ")})`
    : `${what} failed — the ${f.tier === "strong" ? "strong " : ""}model (${f.model}) call: ${f.message}`;
  return cannotScore(threshold, reason, "error", { usage, details: { ...details, model: f.model, ...(f.kind === "parse_error" ? { judgeError: true, problems: f.problems } : {}) } });
}

export type Statement = { sentence: number; text: string };

/** The answer's sentences, split by the (cheap) model into atomic statements that cite their sentence. */
export async function splitStatements(options: { judge: Judge; model: string; question: string; text: string; jsonMode: boolean; signal?: AbortSignal }) {
  const sentences = sentencesOf(options.text);
  if (sentences.length === 0) return { kind: "empty" as const, sentences, calls: [] as ChatCompletionResult[] };
  const answer = await askJson({
    judge: options.judge, model: options.model, messages: statementsMessages(options.question, sentences), schema: statementsSchema, shape: STATEMENTS_SHAPE,
    check: checkStatements(sentences.length), jsonMode: options.jsonMode, signal: options.signal,
  });
  if (answer.kind !== "ok") return { ...answer, sentences };
  return { kind: "ok" as const, sentences, statements: answer.value.statements as Statement[], calls: answer.calls };
}

/** Passages as the details keep them (the trace view shows what was checked). */
export const PASSAGE_CHARS = 2_000;
export const keptPassages = (passages: readonly Passage[]) => passages.map((p, i) => ({ position: i, id: p.id, content: p.content.length > PASSAGE_CHARS ? `${p.content.slice(0, PASSAGE_CHARS)}…` : p.content }));

/** A RAG evaluator that does not apply to this item passes it with no score, like refusal does. */
export const notApplicable = (threshold: number, why: string, usage?: EvalUsage): EvalResult => ({ status: "passed", passed: true, score: null, threshold, reason: `not applicable: ${why}`, ...(usage ? { usage } : {}) });
