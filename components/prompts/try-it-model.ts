import Mustache from "mustache";
import type { PromptTemplate } from "@/lib/queries/prompts/keys";

/**
 * text: printed at the top level; section: `{{#name}}…{{/name}}` (a flag, or a list whose items
 * carry `fields`); field: used only inside a section (each item brings it, so no input of its
 * own); messages: a chat placeholder.
 */
export type VariableInput = { name: string; kind: "text" | "messages" | "section" | "field"; fields?: string[] };
export type BuiltVariables = { variables: Record<string, unknown> } | { error: { name: string; message: string } };

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];
type Usage = { top: Set<string>; sections: Map<string, Set<string>> };

/** Walks Mustache's own parse tree (the same grammar as the server) to see where each variable is used. */
function collectUsage(tokens: Token[], usage: Usage, section: string | null) {
  for (const [type, value, , , children] of tokens) {
    const name = value.split(".")[0]!;
    if (type === "name" || type === "&" || type === "{") {
      if (section) usage.sections.get(section)!.add(name);
      else usage.top.add(name);
    }
    if (type === "#" || type === "^") {
      if (section) usage.sections.get(section)!.add(name);
      else usage.top.add(name);
      if (!usage.sections.has(name)) usage.sections.set(name, new Set());
      collectUsage(children ?? [], usage, name);
    }
  }
}

function templateUsage(template: PromptTemplate): Usage {
  const usage: Usage = { top: new Set(), sections: new Map() };
  const texts = typeof template === "string" ? [template] : template.flatMap((m) => ("type" in m ? [] : [m.content]));
  for (const text of texts) {
    try {
      collectUsage(Mustache.parse(text) as unknown as Token[], usage, null);
    } catch {
      // The server accepted this template; if the browser's parse disagrees, every variable stays a plain input.
    }
  }
  return usage;
}

/** One input per variable the form needs; fields used only inside a section are listed under it, not asked for. */
export function variableInputs(template: PromptTemplate, variables: string[]): VariableInput[] {
  const placeholders = new Set(Array.isArray(template) ? template.flatMap((m) => ("type" in m ? [m.name] : [])) : []);
  const usage = templateUsage(template);
  return variables.map((name): VariableInput => {
    if (placeholders.has(name)) return { name, kind: "messages" };
    const fields = usage.sections.get(name);
    if (fields) return { name, kind: "section", fields: [...fields].filter((f) => f !== name) };
    if (!usage.top.has(name) && [...usage.sections.values()].some((f) => f.has(name))) return { name, kind: "field" };
    return { name, kind: "text" };
  });
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
    if (raw.trim() === "" || kind === "field") continue;
    if (kind === "text" || kind === "section") {
      // A section takes a list of items or a flag, so `true` / `false` count as JSON there.
      variables[name] = looksLikeJson(raw) || (kind === "section" && /^\s*(true|false)\s*$/.test(raw)) ? tryParse(raw) ?? raw : raw;
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
