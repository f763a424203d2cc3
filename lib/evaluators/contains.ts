import { z } from "zod";
import { asText, clip } from "./text";
import { type EvalCase, type EvalResult, scored } from "./types";

export const containsParams = z
  .object({
    value: z.string().min(1).optional(),
    values: z.array(z.string().min(1)).min(1).max(100).optional(),
    caseSensitive: z.boolean().default(false),
    /** Share of the values that must be found (contains) or absent (not_contains). */
    threshold: z.number().min(0).max(1).default(1),
  })
  .refine((p) => p.value !== undefined || p.values !== undefined, { message: "give value or values", path: ["value"] });

type Params = z.infer<typeof containsParams>;

function search(params: Params, c: EvalCase) {
  const wanted = [...(params.value === undefined ? [] : [params.value]), ...(params.values ?? [])];
  const norm = (s: string) => (params.caseSensitive ? s : s.toLocaleLowerCase());
  const text = norm(clip(asText(c.output)));
  const found = wanted.filter((v) => text.includes(norm(v)));
  return { wanted, found, missing: wanted.filter((v) => !found.includes(v)) };
}

/** Score: the share of the values the output contains. */
export function contains(params: Params, c: EvalCase): EvalResult {
  const { wanted, found, missing } = search(params, c);
  return scored(found.length / wanted.length, params.threshold, missing.length ? `missing: ${missing.join(", ")}` : "contains every value", { found, missing });
}

/** Score: the share of the values the output does not contain. */
export function notContains(params: Params, c: EvalCase): EvalResult {
  const { wanted, found } = search(params, c);
  return scored((wanted.length - found.length) / wanted.length, params.threshold, found.length ? `contains: ${found.join(", ")}` : "contains none of the values", { found });
}
