import type { PromptTemplate, PromptVersion } from "@/lib/queries/prompts/keys";
import { canonicalJson, configText } from "./prepare-diff";

/** One row of the chat editor: a message, or a placeholder for a message list such as history. */
export type ChatRow = { kind: "message"; role: string; content: string } | { kind: "placeholder"; name: string };
/** The editor's state: both shapes are kept so switching type loses nothing. */
export type PromptDraft = { type: "text" | "chat"; text: string; rows: ChatRow[]; config: string; commitMessage: string };
export type DraftResult = { template: PromptTemplate; config: Record<string, unknown> } | { error: { field: string; message: string } };

export const CHAT_ROLES = ["system", "user", "assistant", "developer", "tool"] as const;

export function emptyDraft(type: "text" | "chat" = "text"): PromptDraft {
  return {
    type,
    text: "",
    rows: [{ kind: "message", role: "system", content: "" }, { kind: "message", role: "user", content: "{{question}}" }],
    config: '{\n  "model": "gpt-4o-mini",\n  "temperature": 0.2\n}',
    commitMessage: "",
  };
}

/** An editor prefilled with a version (its content; the commit message starts empty). */
export function draftFromVersion(type: "text" | "chat", version: PromptVersion): PromptDraft {
  const base = emptyDraft(type);
  const t = version.template;
  return {
    ...base,
    text: typeof t === "string" ? t : base.text,
    rows: Array.isArray(t) ? t.map((m): ChatRow => ("type" in m ? { kind: "placeholder", name: m.name } : { kind: "message", role: m.role, content: m.content })) : base.rows,
    config: configText(version.config),
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The save request's template and config, or the first field that is wrong (named as the form shows it). */
export function draftToContent(draft: PromptDraft): DraftResult {
  let config: unknown;
  try {
    config = draft.config.trim() === "" ? {} : JSON.parse(draft.config);
  } catch (error) {
    return { error: { field: "config", message: `Config is not valid JSON: ${(error as Error).message}` } };
  }
  if (!config || typeof config !== "object" || Array.isArray(config)) return { error: { field: "config", message: "Config must be a JSON object, e.g. {\"model\": \"gpt-4o-mini\"}" } };
  if (draft.type === "text") {
    if (draft.text.trim() === "") return { error: { field: "template", message: "The template is empty" } };
    return { template: draft.text, config: config as Record<string, unknown> };
  }
  const template: PromptTemplate = [];
  for (const [i, row] of draft.rows.entries()) {
    if (row.kind === "placeholder") {
      if (!IDENTIFIER.test(row.name)) return { error: { field: `messages.${i}`, message: `Message ${i + 1}: a placeholder name is letters, digits and _ (e.g. history)` } };
      template.push({ type: "placeholder", name: row.name });
    } else {
      if (!row.role.trim()) return { error: { field: `messages.${i}`, message: `Message ${i + 1}: choose a role` } };
      template.push({ role: row.role.trim(), content: row.content });
    }
  }
  if (!template.some((m) => !("type" in m))) return { error: { field: "messages", message: "A chat prompt needs at least one message" } };
  return { template, config: config as Record<string, unknown> };
}

/** True when the draft's content equals the version's (what the server would answer with 200, nothing created). */
export function sameContent(type: "text" | "chat", content: { template: PromptTemplate; config: Record<string, unknown> }, version: PromptVersion | undefined): boolean {
  if (!version) return false;
  if (Array.isArray(version.template) !== (type === "chat")) return false;
  return canonicalJson(content.template) === canonicalJson(version.template) && canonicalJson(content.config) === canonicalJson(version.config);
}
