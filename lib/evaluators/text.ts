/** Outputs and expected outputs are any JSON: strings compare as they are, everything else as canonical JSON. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  return canonicalJson(value);
}

/** JSON with object keys sorted, so { a, b } and { b, a } read the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const hasExpected = (value: unknown) => value !== undefined && value !== null;

/** Evaluators never scan more than this much of an output (a runaway generation must not stall a run). */
export const MAX_EVAL_CHARS = 200_000;
export const clip = (text: string) => (text.length > MAX_EVAL_CHARS ? text.slice(0, MAX_EVAL_CHARS) : text);

/** A JSON value from an output: parsed when it is a string, as is when it already is JSON. */
export function parseJsonOutput(output: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof output !== "string") return output === undefined ? { ok: false, error: "there is no output" } : { ok: true, value: output };
  try {
    return { ok: true, value: JSON.parse(output) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
