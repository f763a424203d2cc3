/** What a run item's expanded view shows from its scores' details (pure; tolerant of rows written before a field existed). */

type Usage = { calls: number; cost: number | null };
export type TieredView = {
  tier: "cheap" | "strong"; escalated: boolean; why: string | null;
  cheap: { model: string; scores: number[]; usage: Usage };
  strong: { model: string; score: number | null; usage: Usage } | null;
  strongOnlyCost: number | null;
};
export type ConsistencyView = { flagged: boolean; samples: string[]; similarity: string; minPair: number | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A tiered llm_judge's record (`details.tiered`), or null. */
export function tieredView(details: unknown): TieredView | null {
  const t = isObject(details) ? details.tiered : undefined;
  if (!isObject(t) || !isObject(t.cheap)) return null;
  return t as unknown as TieredView;
}

/** A self_consistency result's samples and flag, or null. */
export function consistencyView(details: unknown): ConsistencyView | null {
  if (!isObject(details) || !Array.isArray(details.samples)) return null;
  return {
    flagged: details.flagged === true,
    samples: details.samples.map(String),
    similarity: typeof details.similarity === "string" ? details.similarity : "embedding",
    minPair: typeof details.minPair === "number" ? details.minPair : null,
  };
}

/** Whether any score has something the expanded view shows. */
export function hasDetails(scores: Record<string, { details?: unknown }> | null): boolean {
  return Object.values(scores ?? {}).some((s) => tieredView(s.details) !== null || consistencyView(s.details) !== null);
}
