import type { PromptTemplate } from "@/lib/queries/prompts/keys";

export type VariableInput = { name: string; kind: "text" | "messages" };
export type BuiltVariables = { variables: Record<string, unknown> } | { error: { name: string; message: string } };

/** One input per variable: chat placeholders take a JSON message list, everything else text. */
export function variableInputs(template: PromptTemplate, variables: string[]): VariableInput[] {
  const placeholders = new Set(Array.isArray(template) ? template.flatMap((m) => ("type" in m ? [m.name] : [])) : []);
  return variables.map((name) => ({ name, kind: placeholders.has(name) ? "messages" : "text" }));
}

/**
 * The compile request's variables from the form. Empty fields are left out, so the server names
 * the required ones that are missing; a message list must be JSON `[{ role, content }]`, and
 * a text field that holds a JSON array or object (a section's items) is sent parsed.
 */
export function buildVariables(inputs: VariableInput[], values: Record<string, string>): BuiltVariables {
  const variables: Record<string, unknown> = {};
  for (const { name, kind } of inputs) {
    const raw = values[name] ?? "";
    if (raw.trim() === "") continue;
    if (kind === "text") {
      variables[name] = looksLikeJson(raw) ? tryParse(raw) ?? raw : raw;
      continue;
    }
    const parsed = tryParse(raw);
    if (!Array.isArray(parsed)) return { error: { name, message: `${name}: must be a JSON list of messages, e.g. [{"role":"user","content":"Hi"}]` } };
    const bad = parsed.findIndex((m) => !m || typeof m !== "object" || typeof m.role !== "string" || typeof m.content !== "string");
    if (bad >= 0) return { error: { name, message: `${name}[${bad}]: each message needs a string role and content` } };
    variables[name] = parsed;
  }
  return { variables };
}

const looksLikeJson = (s: string) => /^\s*[[{]/.test(s);

function tryParse(s: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** The variable a server error names (`variables.company: …` → "company"), to mark its input. */
export function erroredVariable(message: string, inputs: VariableInput[]): string | null {
  const hit = inputs.find((i) => new RegExp(`(^|[^\\w])(variables\\.)?${i.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\w]|$)`).test(message));
  return hit?.name ?? null;
}
