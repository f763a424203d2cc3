import { z } from "zod";
import { hasExpected } from "./text";
import { type EvalCase, type EvalResult, cannotScore, scored } from "./types";

export const numericParams = z.object({
  /** Compare with this number instead of the item's expected output. */
  expected: z.number().finite().optional(),
  /** Largest allowed |output − expected| (or, when relative, that divided by |expected|). */
  tolerance: z.number().min(0).default(0),
  relative: z.boolean().default(false),
  threshold: z.number().min(0).max(1).default(1),
});

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A number from an output: a JSON number, or a string that is exactly one number (commas as thousands separators allowed). */
export function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/(\d),(?=\d{3}\b)/g, "$1");
  return NUMBER.test(text) ? Number(text) : null;
}

/** Score 1 when the output is a number within tolerance of the expected one, else 0. */
export function numeric(params: z.infer<typeof numericParams>, c: EvalCase): EvalResult {
  const expected = params.expected ?? (hasExpected(c.expectedOutput) ? readNumber(c.expectedOutput) : null);
  if (expected === null) return cannotScore(params.threshold, "no numeric expected output to compare with");
  const actual = readNumber(c.output);
  if (actual === null) return scored(0, params.threshold, "output is not a number");
  const diff = Math.abs(actual - expected);
  const error = params.relative ? (expected === 0 ? (diff === 0 ? 0 : Infinity) : diff / Math.abs(expected)) : diff;
  // A hair of float slack, so 0.1 + 0.2 is within 0 of 0.3.
  const within = error <= params.tolerance + 1e-12;
  return scored(within ? 1 : 0, params.threshold, within ? `${actual} is within ${params.tolerance} of ${expected}` : `${actual} is off ${expected} by ${error}`, { actual, expected, error });
}
