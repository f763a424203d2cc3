/**
 * The part of Mustache that prompts use: `{{name}}`, `{{{name}}}` and `{{& name}}` (dotted
 * names look into objects) and `{{! comments }}`. Values go in verbatim — prompts are not
 * HTML, so nothing is escaped. Sections, inverted sections, partials and delimiter changes
 * are refused with an error rather than rendered differently from Mustache.
 */
const TAG = /\{\{\{\s*([^{}]*?)\s*\}\}\}|\{\{\s*([!#^/>=&]?)\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/;

export type TemplateProblem = { missing: string[]; unsupported: string[] };

/** The variable names a template uses, in order of first use. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(TAG)) {
    const name = match[1] ?? match[3] ?? "";
    const sigil = match[1] === undefined ? match[2] : "&";
    if ((sigil === "" || sigil === "&") && NAME.test(name)) names.add(name);
  }
  return [...names];
}

function lookup(variables: Record<string, unknown>, name: string): unknown {
  let value: unknown = variables;
  for (const part of name.split(".")) {
    if (typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function text(value: unknown): string {
  if (value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Fills in the variables; what is missing or unsupported is collected, not thrown, so one error can name it all. */
export function renderTemplate(template: string, variables: Record<string, unknown>, problem: TemplateProblem): string {
  return template.replace(TAG, (tag, triple: string | undefined, sigil: string | undefined, inner: string | undefined) => {
    const name = triple ?? inner ?? "";
    const kind = triple === undefined ? sigil : "&";
    if (kind === "!") return "";
    if ((kind !== "" && kind !== "&") || !NAME.test(name)) {
      problem.unsupported.push(tag);
      return tag;
    }
    const value = lookup(variables, name);
    if (value === undefined) {
      if (!problem.missing.includes(name)) problem.missing.push(name);
      return tag;
    }
    return text(value);
  });
}
