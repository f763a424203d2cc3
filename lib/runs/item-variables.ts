/**
 * How a golden-set item's input fills a prompt version's variables (pure):
 * - an object input gives its keys as variables; keys the template does not use are dropped
 *   (a golden set may carry more context than one prompt needs);
 * - any other input (a string, number, list), or an object none of whose keys the template
 *   uses, goes to the template's only variable, else to a variable named `input`;
 * - otherwise the item cannot be compiled, and the reason names the variables.
 * Missing required variables are then refused by compileTemplate, naming the variable.
 */
export function itemVariables(input: unknown, templateVariables: readonly string[]): { ok: true; variables: Record<string, unknown> } | { ok: false; reason: string } {
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  if (isObject) {
    const entries = Object.entries(input as Record<string, unknown>).filter(([k]) => templateVariables.includes(k));
    if (entries.length) return { ok: true, variables: Object.fromEntries(entries) };
  }
  if (templateVariables.length === 0) return { ok: true, variables: {} };
  const target = templateVariables.length === 1 ? templateVariables[0]! : templateVariables.includes("input") ? "input" : null;
  if (target === null) {
    return { ok: false, reason: `the item's input does not name the template's variables (${templateVariables.join(", ")}); give an object with those keys` };
  }
  return { ok: true, variables: { [target]: input } };
}

/** A golden item's contexts as a prompt variable: passages numbered in rank order, `[1] …`. */
export function contextsText(contexts: unknown): string {
  if (!Array.isArray(contexts)) return typeof contexts === "string" ? contexts : "";
  return contexts
    .map((c) => (typeof c === "string" ? c : typeof c === "object" && c !== null && typeof (c as { content?: unknown }).content === "string" ? (c as { content: string }).content : null))
    .filter((c): c is string => c !== null)
    .map((c, i) => `[${i + 1}] ${c}`)
    .join("\n\n");
}
