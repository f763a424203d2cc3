/** Characters of input/output shown per row in the trace list. */
export const PREVIEW_CHARS = 240;

const TEXT_KEYS = ["content", "text", "question", "query", "input", "prompt", "answer", "output", "message", "completion", "result"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The text a person would call "the input/output": the last user message of a chat, a known text field, or the JSON. */
function textOf(value: Json, depth = 0): string | null {
  if (value === null || depth > 4) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const messages = value.filter((m): m is { [key: string]: Json } => typeof m === "object" && m !== null && !Array.isArray(m) && "role" in m);
    if (messages.length) {
      const pick = [...messages].reverse().find((m) => m.role === "user") ?? messages[messages.length - 1]!;
      return textOf(pick.content ?? null, depth + 1) ?? JSON.stringify(pick);
    }
    if (value.length === 1) return textOf(value[0]!, depth + 1);
    return null;
  }
  if ("messages" in value && Array.isArray(value.messages)) {
    const t = textOf(value.messages, depth + 1);
    if (t) return t;
  }
  for (const key of TEXT_KEYS) {
    const v = value[key];
    if (v !== undefined && v !== null) {
      const t = textOf(v, depth + 1);
      if (t) return t;
    }
  }
  return null;
}

/**
 * One line of preview text for a list row. `value` is the parsed JSON when it is small
 * enough to have been sent whole; otherwise `head` (the start of its JSON text) is shown.
 */
export function previewText(value: unknown, head: string | null): string | null {
  if (value === null || value === undefined) return head ? squash(head) : null;
  const text = textOf(value as Json) ?? JSON.stringify(value);
  return squash(text);
}

function squash(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line;
}
