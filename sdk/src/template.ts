import Mustache from "mustache";

/**
 * Prompt templates are Mustache, rendered by the `mustache` package exactly as the Pharos
 * server renders them ("try it", runs): variables, dotted names, sections and inverted
 * sections; values go in verbatim (prompts are not HTML, so nothing is escaped). Partials are
 * refused. A variable printed outside every section is required; a section name, or a
 * variable used only inside a section, is optional (its items bring their own fields).
 */
export type TemplateProblem = { missing: string[]; unsupported: string[] };

/** No HTML escaping; an object or list printed as a variable becomes JSON (the server does the same). */
const verbatim = (value: unknown) => (typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));

type Token = [string, string, number, number, Token[]?, ...unknown[]];

function scan(text: string): { all: string[]; required: string[]; unsupported: string[] } {
  const out = { all: [] as string[], required: [] as string[], unsupported: [] as string[] };
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    out.unsupported.push((error as Error).message);
    return out;
  }
  const walk = (list: Token[], depth: number) => {
    for (const token of list) {
      const [type, value] = token;
      if (type === ">") out.unsupported.push(`{{> ${value}}}`);
      if (type === "name" || type === "&" || type === "#" || type === "^") {
        const name = value.split(".")[0]!;
        if (name === "") continue; // `{{.}}`: the current item of a loop
        if (!out.all.includes(name)) out.all.push(name);
        if (depth === 0 && (type === "name" || type === "&") && !out.required.includes(name)) out.required.push(name);
      }
      if ((type === "#" || type === "^") && token[4]) walk(token[4], depth + 1);
    }
  };
  walk(tokens, 0);
  return out;
}

/** The variable names a template uses (first segment of dotted names, section names too), in order of first use. */
export function templateVariables(text: string): string[] {
  return scan(text).all;
}

/** Fills in the variables; what is missing or unsupported is collected, not thrown, so one error can name it all. */
export function renderTemplate(template: string, variables: Record<string, unknown>, problem: TemplateProblem): string {
  const { required, unsupported } = scan(template);
  for (const name of required) if (variables[name] === undefined && !problem.missing.includes(name)) problem.missing.push(name);
  problem.unsupported.push(...unsupported);
  if (unsupported.length) return template;
  return Mustache.render(template, variables, {}, { escape: verbatim });
}
