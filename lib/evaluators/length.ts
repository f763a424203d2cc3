import { z } from "zod";
import { asText } from "./text";
import { type EvalCase, type EvalResult, scored } from "./types";

export const lengthParams = z
  .object({
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    /** chars: Unicode code points (한 is one); words: whitespace-separated. */
    unit: z.enum(["chars", "words"]).default("chars"),
    threshold: z.number().min(0).max(1).default(1),
  })
  .refine((p) => p.min !== undefined || p.max !== undefined, { message: "give min or max", path: ["min"] })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, { message: "must not exceed max", path: ["min"] });

export function measure(text: string, unit: "chars" | "words"): number {
  if (unit === "words") return text.split(/\s+/u).filter(Boolean).length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Score 1 when the output's length is within [min, max], else 0. */
export function length(params: z.infer<typeof lengthParams>, c: EvalCase): EvalResult {
  const n = measure(asText(c.output), params.unit);
  const ok = (params.min === undefined || n >= params.min) && (params.max === undefined || n <= params.max);
  const bounds = `[${params.min ?? 0}, ${params.max ?? "∞"}]`;
  return scored(ok ? 1 : 0, params.threshold, `${n} ${params.unit} ${ok ? "within" : "outside"} ${bounds}`, { length: n });
}
