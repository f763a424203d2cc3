import { z } from "zod";
import { parseJsonOutput } from "./text";
import { type EvalCase, type EvalResult, scored } from "./types";

export const jsonValidParams = z.object({ threshold: z.number().min(0).max(1).default(1) });

/** Score 1 when the output is JSON (a string that parses, or a JSON value already), else 0. */
export function jsonValid(params: z.infer<typeof jsonValidParams>, c: EvalCase): EvalResult {
  const parsed = parseJsonOutput(c.output);
  return scored(parsed.ok ? 1 : 0, params.threshold, parsed.ok ? "output is valid JSON" : `output is not valid JSON: ${parsed.error}`);
}
