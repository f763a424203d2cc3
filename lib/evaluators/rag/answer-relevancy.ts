import { z } from "zod";
import { embedOffline } from "../../drift/math/offline-embedder";
import { cosine, EMBEDDERS } from "../embedding-similarity";
import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "../types";
import { askJson, type Judge, type JsonAnswer } from "./ask-json";
import { failedEvaluation, notApplicable, ragCase, tieredRecord } from "./rag-common";
import { DEFAULT_RELEVANCY_BAND, scoreUncertain } from "./rag-escalation";
import { checkQuestions, QUESTIONS_SHAPE, type QuestionsAnswer, questionsMessages, questionsSchema } from "./rag-prompts";
import { round } from "./rag-text";

const modelName = z.string().trim().min(1).max(256);
const unit = z.number().min(0).max(1);

export const answerRelevancyParams = z.object({
  /** Questions generated from the answer. */
  k: z.number().int().min(1).max(10).default(3),
  /** offline: the built-in drift embedder (no network). provider: the project's embeddings provider (drift settings). */
  embedder: z.enum(EMBEDDERS, { error: "must be offline or provider" }).default("offline"),
  model: modelName.optional(),
  jsonMode: z.boolean().default(true),
  threshold: unit.default(0.7),
  /** Tiered: a cheap score inside `band` is generated again by the strong `model`, whose score stands. */
  escalation: z.object({
    model: modelName,
    band: z.object({ min: unit, max: unit }).strict().refine((b) => b.min <= b.max, { message: "min must not exceed max", path: ["max"] }).default(DEFAULT_RELEVANCY_BAND),
  }).strict().optional(),
}).strict();
export type AnswerRelevancyParams = z.infer<typeof answerRelevancyParams>;

type Generated = { questions: string[]; noncommittal: boolean; similarities: number[]; score: number };

/**
 * Answer relevancy: the model writes k questions the answer would answer; the score is their
 * mean cosine similarity (floored at 0) to the real question, and 0 when the model calls the
 * answer noncommittal ("I don't know", "it depends"). With `escalation`, a cheap score inside
 * the band is generated again by the strong model.
 */
export async function answerRelevancy(params: AnswerRelevancyParams, c: EvalCase, ctx: EvalContext): Promise<EvalResult> {
  const { threshold, k, jsonMode, escalation } = params;
  const judge = ctx.judge;
  if (!judge) return cannotScore(threshold, "no judge connection configured for answer_relevancy");
  if (params.embedder === "provider" && !ctx.embed) return cannotScore(threshold, "no embeddings provider is configured for this project (drift settings)");
  const rc = ragCase(c);
  if (!rc.answer.trim()) return notApplicable(threshold, "the answer is empty");
  const cheapModel = params.model ?? judge.model;

  const cheap = await generate(judge, cheapModel, rc.answer, k, jsonMode, ctx.signal);
  const cheapCalls = cheap.calls;
  if (cheap.kind !== "ok") return failedEvaluation(threshold, "generating questions from the answer", { ...cheap, tier: "cheap", model: cheapModel }, tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls, strongCalls: [], claims: 1, escalatedClaims: 0, reason: null, why: null }).usage);
  let first: Generated;
  try {
    first = await scoreQuestions(cheap.value, rc.question, params.embedder, ctx);
  } catch (error) {
    return cannotScore(threshold, `embeddings provider failed: ${(error as Error).message}`, "error", { usage: tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls, strongCalls: [], claims: 1, escalatedClaims: 0, reason: null, why: null }).usage });
  }
  const why = escalation ? scoreUncertain(first.score, escalation.band) : null;
  let decided = first;
  let strongCalls: JsonAnswer<QuestionsAnswer>["calls"] = [];
  if (escalation && why) {
    const strong = await generate(judge, escalation.model, rc.answer, k, jsonMode, ctx.signal);
    strongCalls = strong.calls;
    const { usage, tiered } = tieredRecord({ judge, cheapModel, strongModel: escalation.model, cheapCalls, strongCalls, claims: 1, escalatedClaims: 1, reason: "band", why });
    if (strong.kind !== "ok") return failedEvaluation(threshold, "generating questions from the answer", { ...strong, tier: "strong", model: escalation.model }, usage, { cheap: first, tiered });
    try {
      decided = await scoreQuestions(strong.value, rc.question, params.embedder, ctx);
    } catch (error) {
      return cannotScore(threshold, `embeddings provider failed: ${(error as Error).message}`, "error", { usage, details: { tiered } });
    }
  }
  const { usage, tiered } = tieredRecord({ judge, cheapModel, strongModel: escalation?.model, cheapCalls, strongCalls, claims: 1, escalatedClaims: why ? 1 : 0, reason: "band", why });
  const reason = decided.noncommittal
    ? "the answer is noncommittal (it evades or does not know): relevancy 0"
    : `generated questions are ${decided.score.toFixed(3)} similar to the question on average (${params.embedder} embedder)`;
  return {
    ...scored(decided.score, threshold, reason, {
      model: why && escalation ? escalation.model : cheapModel, embedder: params.embedder, question: rc.question, generated: decided.questions, similarities: decided.similarities,
      noncommittal: decided.noncommittal, ...(why ? { cheap: first } : {}), ...(tiered ? { tiered } : {}),
    }),
    usage,
  };
}

function generate(judge: Judge, model: string, answer: string, k: number, jsonMode: boolean, signal?: AbortSignal) {
  return askJson({ judge, model, messages: questionsMessages(answer, k), schema: questionsSchema, shape: QUESTIONS_SHAPE, check: checkQuestions(k), jsonMode, signal });
}

async function scoreQuestions(a: QuestionsAnswer, question: string, embedder: "offline" | "provider", ctx: EvalContext): Promise<Generated> {
  let vectors: ArrayLike<number>[];
  if (embedder === "offline") vectors = [question, ...a.questions].map((t) => embedOffline(t));
  else vectors = await ctx.embed!([question, ...a.questions]);
  const [q, ...gen] = vectors;
  const similarities = gen.map((v) => {
    const s = cosine(q!, v);
    if (!Number.isFinite(s)) throw new Error("the embeddings provider returned vectors of different dimensions");
    return round(Math.max(0, s));
  });
  const mean = similarities.reduce((x, y) => x + y, 0) / similarities.length;
  return { questions: a.questions, noncommittal: a.noncommittal, similarities, score: a.noncommittal ? 0 : round(mean) };
}
