import { z } from "zod";
import { embedOffline } from "../drift/math/offline-embedder";
import { asText, hasExpected } from "./text";
import { type EvalCase, type EvalContext, type EvalResult, cannotScore, scored } from "./types";

export const EMBEDDERS = ["offline", "provider"] as const;

export const embeddingSimilarityParams = z.object({
  /** Compare with this text instead of the item's expected output. */
  expected: z.string().optional(),
  /** Cosine similarity at or above which the item passes. */
  threshold: z.number().min(-1).max(1).default(0.8),
  /**
   * offline: the built-in drift embedder (no network). provider: the project's configured
   * embeddings provider (drift settings), which the runs engine hands in as `ctx.embed`.
   */
  embedder: z.enum(EMBEDDERS, { error: "must be offline or provider" }).default("offline"),
});

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.NaN;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Cosine similarity between the output and the expected output. Offline: the drift embedder
 * (deterministic, Korean and English) with no IDF table — plain sublinear TF, so a score does not
 * depend on which project's texts were seen. Provider: one embeddings call for both texts; a
 * provider that fails or is not configured makes the evaluator `error`, never a pass.
 */
export async function embeddingSimilarity(params: z.infer<typeof embeddingSimilarityParams>, c: EvalCase, ctx: EvalContext = {}): Promise<EvalResult> {
  const expected = params.expected ?? (hasExpected(c.expectedOutput) ? asText(c.expectedOutput) : null);
  if (expected === null) return cannotScore(params.threshold, "no expected output to compare with");
  const output = asText(c.output);
  let raw: number;
  if (params.embedder === "offline") raw = cosine(embedOffline(output), embedOffline(expected));
  else {
    if (!ctx.embed) return cannotScore(params.threshold, "no embeddings provider is configured for this project (drift settings)");
    try {
      const [a, b] = await ctx.embed([output, expected]);
      raw = cosine(a!, b!);
    } catch (error) {
      return cannotScore(params.threshold, `embeddings provider failed: ${(error as Error).message}`);
    }
    if (!Number.isFinite(raw)) return cannotScore(params.threshold, "embeddings provider returned vectors of different dimensions");
  }
  const similarity = Math.round(raw * 1e6) / 1e6;
  return scored(similarity, params.threshold, `cosine similarity ${similarity.toFixed(3)} to the expected output (${params.embedder} embedder)`, { embedder: params.embedder });
}
