import { createHash } from "node:crypto";
import Mustache from "mustache";
import { AppError } from "../errors";

/**
 * Pure helpers shared by the registry (and free for the fetch path to import): the template
 * grammar is Mustache (`mustache`'s own parser, not a hand-written one), with no HTML escaping
 * (a prompt is not HTML) and no partials.
 *
 * Variables: every `{{name}}` / `{{{name}}}` / `{{&name}}` and every section name
 * (`{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`), by their first dotted segment (`user.name` →
 * `user`), in order of first use. A chat prompt's placeholders (`{ type: "placeholder", name }`)
 * are variables too: their value is a message list.
 * Compiling: a variable the template does not use is an error naming it (a typo in the caller
 * would otherwise go unnoticed); a variable printed outside every section is required; a
 * section name, or a variable used only inside a section, is optional (sections are
 * conditionals or loops whose items bring their own fields).
 */
export type PromptType = "text" | "chat";
export type ChatMessage = { role: string; content: string };
export type ChatPlaceholder = { type: "placeholder"; name: string };
export type ChatItem = ChatMessage | ChatPlaceholder;
export type Template = string | ChatItem[];

type Token = [string, string, number, number, Token[]?, ...unknown[]];

export const isPlaceholder = (item: ChatItem): item is ChatPlaceholder => "type" in item && item.type === "placeholder";

/** Variables of one Mustache string, split into required (outside sections) and optional. */
function scan(text: string, field: string, into: { all: string[]; required: Set<string> }) {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    throw new AppError("INVALID", `${field}: ${(error as Error).message}`);
  }
  const walk = (list: Token[], depth: number) => {
    for (const token of list) {
      const [type, value] = token;
      if (type === ">") throw new AppError("INVALID", `${field}: partials ({{> ${value}}}) are not supported`);
      if (type === "name" || type === "&" || type === "#" || type === "^") {
        const name = value.split(".")[0]!;
        if (name === "") continue; // `{{.}}`: the current item of a loop
        if (!into.all.includes(name)) into.all.push(name);
        if (depth === 0 && (type === "name" || type === "&")) into.required.add(name);
      }
      if ((type === "#" || type === "^") && token[4]) walk(token[4], depth + 1);
    }
  };
  walk(tokens, 0);
}

function analyse(type: PromptType, template: Template) {
  const into = { all: [] as string[], required: new Set<string>() };
  if (type === "text") {
    scan(template as string, "template", into);
  } else {
    (template as ChatItem[]).forEach((item, i) => {
      if (isPlaceholder(item)) {
        if (!into.all.includes(item.name)) into.all.push(item.name);
        into.required.add(item.name);
      } else scan(item.content, `template.${i}.content`, into);
    });
  }
  return into;
}

/** The template's variables in order of first use; throws a 400 naming the field on bad syntax. */
export function extractVariables(type: PromptType, template: Template): string[] {
  return analyse(type, template).all;
}

/** JSON with object keys sorted at every depth: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** sha256 (hex) of the canonical JSON of { type, template, config }. */
export function contentHash(content: { type: PromptType; template: Template; config: Record<string, unknown> }): string {
  return createHash("sha256").update(canonicalJson({ type: content.type, template: content.template, config: content.config })).digest("hex");
}

/** No HTML escaping (a prompt is not HTML); an object or list printed as a variable becomes JSON, as in the SDK. */
const verbatim = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
const render = (text: string, view: Record<string, unknown>) => Mustache.render(text, view, {}, { escape: verbatim });

/**
 * The template with the variables filled in. A chat placeholder is replaced by the message list
 * given for it. Unknown or missing (required) variables → 400 naming them.
 */
export function compileTemplate(type: PromptType, template: Template, variables: Record<string, unknown>): Template {
  const { all, required } = analyse(type, template);
  const unknown = Object.keys(variables).filter((k) => !all.includes(k));
  if (unknown.length) throw new AppError("INVALID", `variables.${unknown[0]}: not a variable of this prompt (it uses: ${all.join(", ") || "none"})`);
  const missing = [...required].filter((k) => variables[k] === undefined);
  if (missing.length) throw new AppError("INVALID", `variables.${missing[0]}: required by the template but not given`);
  if (type === "text") return render(template as string, variables);
  const out: ChatItem[] = [];
  for (const item of template as ChatItem[]) {
    if (!isPlaceholder(item)) {
      out.push({ ...item, content: render(item.content, variables) });
      continue;
    }
    const messages = variables[item.name];
    if (!Array.isArray(messages) || !messages.every((m) => m && typeof m === "object" && typeof m.role === "string" && typeof m.content === "string")) {
      throw new AppError("INVALID", `variables.${item.name}: a placeholder takes a list of { role, content } messages`);
    }
    out.push(...(messages as ChatMessage[]));
  }
  return out;
}

/** What a prompt version instructs: a chat prompt's system (and developer) messages, a text prompt's template. */
export function systemPromptOf(type: PromptType, template: Template): string {
  if (type === "text") return template as string;
  return (template as ChatItem[]).filter((m): m is ChatMessage => !isPlaceholder(m) && (m.role === "system" || m.role === "developer")).map((m) => m.content).join("\n");
}
