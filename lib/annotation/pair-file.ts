// JSONL files of preference pairs (`prompt`, `response_a`, `response_b`, `metadata`), parsed
// line by line with the golden-set import's error shape: every bad line, by 1-based number.
import { describeLineIssues, forEachJsonlObject } from "../jsonl/jsonl-lines";
import { type PairInput, pairLineSchema } from "../schemas/annotation";

export type PairLineError = { line: number; message: string };

export function parsePairFile(text: string): { pairs: Array<PairInput & { line: number }>; errors: PairLineError[] } {
  const pairs: Array<PairInput & { line: number }> = [];
  const errors: PairLineError[] = [];
  forEachJsonlObject(text, {
    expected: "prompt, response_a, response_b and metadata",
    error: (line, message) => errors.push({ line, message }),
    object: (line, v) => {
      // Run outputs may be JSON rather than text: keep them, as text, rather than refuse the line.
      for (const key of ["response_a", "response_b"]) if (v[key] !== undefined && v[key] !== null && typeof v[key] !== "string") v[key] = JSON.stringify(v[key], null, 2);
      const parsed = pairLineSchema.safeParse(v);
      if (!parsed.success) {
        errors.push({ line, message: describeLineIssues(parsed.error) });
        return;
      }
      const d = parsed.data;
      pairs.push({ line, prompt: d.prompt, responseA: d.response_a, responseB: d.response_b, ...(d.metadata ? { metadata: d.metadata } : {}) });
    },
  });
  return { pairs, errors };
}
