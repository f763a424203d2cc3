import { embedOffline } from "../drift/math/offline-embedder";
import { cosine } from "./embedding-similarity";

/** Pure agreement between samples of one answer (self-consistency): mean pairwise similarity. */

export const SIMILARITIES = ["embedding", "token"] as const;
export type Similarity = (typeof SIMILARITIES)[number];

/** Lower-cased runs of letters and digits (any script: Korean words are runs of Hangul). */
export function tokenSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** |A ∩ B| / |A ∪ B| of the token sets; two texts without tokens are the same (1). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Mean similarity over every pair of samples, and the least similar pair's. "embedding": cosine
 * under the offline drift embedder (as embedding_similarity scores; TF vectors, so 0…1);
 * "token": Jaccard of the word sets. Two empty samples agree (1); one empty one does not (0).
 */
export function agreementOf(samples: readonly string[], similarity: Similarity): { agreement: number; minPair: number; pairs: number } {
  const prepared = samples.map((s) => s.trim());
  const vectors = similarity === "embedding" ? prepared.map((s) => (s ? embedOffline(s) : null)) : null;
  const tokens = similarity === "token" ? prepared.map(tokenSet) : null;
  const pair = (i: number, j: number) => {
    if (!prepared[i] && !prepared[j]) return 1;
    if (!prepared[i] || !prepared[j]) return 0;
    return vectors ? Math.max(0, Math.min(1, cosine(vectors[i]!, vectors[j]!))) : jaccard(tokens![i]!, tokens![j]!);
  };
  let sum = 0;
  let pairs = 0;
  let minPair = 1;
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const s = pair(i, j);
      sum += s;
      pairs++;
      minPair = Math.min(minPair, s);
    }
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { agreement: pairs ? round(sum / pairs) : 1, minPair: round(minPair), pairs };
}
