import { z } from "zod";

/**
 * Per-project price overrides: a project that negotiated rates, runs a fine-tune or a
 * self-hosted model can price it itself. An override wins over the package catalogue
 * from its effectiveFrom onwards (see priceSpan).
 *
 * modelPattern is always a full-match, case-insensitive regex: "gpt-4o" matches exactly
 * gpt-4o (not gpt-4o-mini), and "^gpt-4o(-\d{4}-\d{2}-\d{2})?$" works as written. One rule
 * keeps "exact name or regex" unambiguous.
 */

const MAX_PATTERN_LENGTH = 200;
/** Matching runs on every span: model names longer than this are not matched at all. */
export const MAX_MATCHED_NAME_LENGTH = 256;

const perMillion = z.number().min(0, "must be ≥ 0").max(10_000, "must be ≤ 10000 per million tokens");

export const priceOverrideSchema = z.object({
  id: z.string().trim().min(1).max(128),
  modelPattern: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(MAX_PATTERN_LENGTH, `must be at most ${MAX_PATTERN_LENGTH} characters`)
    .refine((p) => tryCompile(p) !== null, "is not a valid regular expression"),
  provider: z.string().trim().min(1).max(64).nullish(),
  inputPerMillion: perMillion,
  outputPerMillion: perMillion,
  cachedInputPerMillion: perMillion.nullish(),
  // Stored as JSON, so accept the ISO string as well as a Date.
  effectiveFrom: z.union([z.date(), z.iso.datetime({ offset: true })]).transform((v) => new Date(v)),
});

export type PriceOverride = z.output<typeof priceOverrideSchema>;

function tryCompile(pattern: string): RegExp | null {
  try {
    // The bare compile catches patterns such as "a)|(b" that only compile once wrapped.
    new RegExp(pattern);
    return new RegExp(`^(?:${pattern})$`, "i");
  } catch {
    return null;
  }
}

// Overrides arrive with every span of a batch; compile each distinct pattern only once.
// Bounded because patterns come from user data.
const compiled = new Map<string, RegExp | null>();
const MAX_COMPILED = 1_000;

/** The compiled full-match regex for a pattern, or null when it does not compile. */
export function compileModelPattern(pattern: string): RegExp | null {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const re = tryCompile(pattern);
  compiled.set(pattern, re);
  return re;
}

/** Whether an override applies to this model/provider (time is checked by the caller). */
export function overrideMatches(override: PriceOverride, model: string, provider: string | null): boolean {
  if (override.provider && override.provider.toLowerCase() !== provider?.trim().toLowerCase()) return false;
  const re = compileModelPattern(override.modelPattern);
  if (!re || model.length > MAX_MATCHED_NAME_LENGTH) return false;
  if (re.test(model)) return true;
  // "openai/gpt-4o" should hit an override written for "gpt-4o".
  const slash = model.indexOf("/");
  return slash > 0 && re.test(model.slice(slash + 1));
}

/** The newest override in force at `at` that matches, or null. */
export function findOverride(
  overrides: readonly PriceOverride[] | undefined,
  model: string,
  provider: string | null,
  at: Date,
): PriceOverride | null {
  let best: PriceOverride | null = null;
  for (const o of overrides ?? []) {
    const from = o.effectiveFrom.getTime();
    if (!(from <= at.getTime())) continue;
    if (best && best.effectiveFrom.getTime() >= from) continue;
    if (overrideMatches(o, model, provider)) best = o;
  }
  return best;
}
