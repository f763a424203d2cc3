import type { ZodError } from "zod";

/**
 * The JSONL imports' shared reading (golden sets, annotation pairs): every non-blank line must
 * be a JSON object; a bad one is reported by its 1-based line number and the rest go on, so a
 * caller can name every bad line at once. A BOM and CRLF line ends are accepted.
 */
export function forEachJsonlObject(text: string, options: { expected: string; object: (line: number, value: Record<string, unknown>) => void; error: (line: number, message: string) => void }): void {
  text.replace(/^\uFEFF/, "").split("\n").forEach((raw, index) => {
    const line = index + 1;
    const source = raw.replace(/\r$/, "");
    if (source.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      options.error(line, `not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      options.error(line, `must be a JSON object with ${options.expected}`);
      return;
    }
    options.object(line, value as Record<string, unknown>);
  });
}

/** A line's zod issues as one message: the first three, each with its field. */
export function describeLineIssues(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
