import "server-only";
import { z } from "zod";
import { backtrackingProblem } from "../security/regex-safety";
import { asText, clip } from "./text";
import { type EvalCase, type EvalResult, scored } from "./types";

/**
 * The pattern must compile and be provably free of catastrophic backtracking: the same check
 * custom PII patterns and price-override patterns get (lib/security/regex-safety.ts), since
 * outputs are model-written text of any shape and a run must not stall the worker.
 */
export const regexParams = z
  .object({
    pattern: z.string().min(1).max(1000),
    flags: z.string().regex(/^[imsuv]*$/, "allowed flags: i, m, s, u, v").default(""),
    /** Pass when the output does not match. */
    negate: z.boolean().default(false),
    threshold: z.number().min(0).max(1).default(1),
  })
  .superRefine((p, ctx) => {
    try {
      new RegExp(p.pattern, p.flags);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: `does not compile: ${(error as Error).message}` });
      return;
    }
    const problem = backtrackingProblem(p.pattern, p.flags);
    if (problem) ctx.addIssue({ code: "custom", path: ["pattern"], message: problem });
  });

/** Score 1 when the output matches (or, with negate, does not), else 0. */
export function regex(params: z.infer<typeof regexParams>, c: EvalCase): EvalResult {
  const match = new RegExp(params.pattern, params.flags).exec(clip(asText(c.output)));
  const ok = params.negate ? match === null : match !== null;
  const reason = match ? `matches /${params.pattern}/ at ${match.index}` : `does not match /${params.pattern}/`;
  return scored(ok ? 1 : 0, params.threshold, reason, match ? { match: match[0].slice(0, 200) } : undefined);
}
