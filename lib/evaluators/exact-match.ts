import { z } from "zod";
import { type EvalCase, type EvalResult, cannotScore, scored } from "./types";
import { asText, hasExpected } from "./text";

export const exactMatchParams = z.object({
  /** Compare with this text instead of the item's expected output. */
  expected: z.string().optional(),
  caseSensitive: z.boolean().default(true),
  trim: z.boolean().default(true),
  threshold: z.number().min(0).max(1).default(1),
});

/** Score 1 when the output equals the expected output (JSON compared canonically), else 0. */
export function exactMatch(params: z.infer<typeof exactMatchParams>, c: EvalCase): EvalResult {
  const expectedValue = params.expected ?? c.expectedOutput;
  if (!hasExpected(expectedValue)) return cannotScore(params.threshold, "no expected output to compare with");
  const norm = (s: string) => {
    const t = params.trim ? s.trim() : s;
    return params.caseSensitive ? t : t.toLowerCase();
  };
  const equal = norm(asText(c.output)) === norm(asText(expectedValue));
  return scored(equal ? 1 : 0, params.threshold, equal ? "output equals the expected output" : "output differs from the expected output");
}
