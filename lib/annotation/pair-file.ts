// JSONL files of preference pairs (`prompt`, `response_a`, `response_b`, `metadata`), parsed
// line by line with the golden-set import's error shape: every bad line, by 1-based number.
import type { ZodError } from "zod";
import { type PairInput, pairLineSchema } from "../schemas/annotation";

export type PairLineError = { line: number; message: string };

function describe(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

export function parsePairFile(text: string): { pairs: Array<PairInput & { line: number }>; errors: PairLineError[] } {
  const pairs: Array<PairInput & { line: number }> = [];
  const errors: PairLineError[] = [];
  text.replace(/^\uFEFF/, "").split("\n").forEach((raw, index) => {
    const line = index + 1;
    const source = raw.replace(/\r$/, "");
    if (source.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      errors.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push({ line, message: "must be a JSON object with prompt, response_a, response_b and metadata" });
      return;
    }
    // Run outputs may be JSON rather than text: keep them, as text, rather than refuse the line.
    const v = value as Record<string, unknown>;
    for (const key of ["response_a", "response_b"]) if (v[key] !== undefined && v[key] !== null && typeof v[key] !== "string") v[key] = JSON.stringify(v[key], null, 2);
    const parsed = pairLineSchema.safeParse(v);
    if (!parsed.success) {
      errors.push({ line, message: describe(parsed.error) });
      return;
    }
    const d = parsed.data;
    pairs.push({ line, prompt: d.prompt, responseA: d.response_a, responseB: d.response_b, ...(d.metadata ? { metadata: d.metadata } : {}) });
  });
  return { pairs, errors };
}
