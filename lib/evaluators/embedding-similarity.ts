import { z } from "zod";
import { embedOffline } from "../drift/math/offline-embedder";
import { asText, hasExpected } from "./text";
import { type EvalCase, type EvalResult, cannotScore, scored } from "./types";

export const embeddingSimilarityParams = z.object({
  /** Compare with this text instead of the item's expected output. */
  expected: z.string().optional(),
  /** Cosine similarity at or above which the item passes. */
  threshold: z.number().min(-1).max(1).default(0.8),
});

export function cosine(a: Float32Array, b: Float32Array): number {
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
 * Cosine similarity between the output and the expected output under the built-in offline
 * embedder (the drift embedder: deterministic, no network, Korean and English). No IDF table:
 * plain sublinear TF, so a score does not depend on which project's texts were seen.
 */
export function embeddingSimilarity(params: z.infer<typeof embeddingSimilarityParams>, c: EvalCase): EvalResult {
  const expected = params.expected ?? (hasExpected(c.expectedOutput) ? asText(c.expectedOutput) : null);
  if (expected === null) return cannotScore(params.threshold, "no expected output to compare with");
  const similarity = Math.round(cosine(embedOffline(asText(c.output)), embedOffline(expected)) * 1e6) / 1e6;
  return scored(similarity, params.threshold, `cosine similarity ${similarity.toFixed(3)} to the expected output`);
}
