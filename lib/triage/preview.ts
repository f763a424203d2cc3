/** Characters of input/output shown in inbox rows and the detail pane. */
export const PREVIEW_CHARS = 400;

type Message = { role?: unknown; content?: unknown };

// Fields SDKs and apps commonly put the human-readable text in, most specific first.
const TEXT_KEYS = ["text", "answer", "question", "query", "prompt", "message", "output", "input", "result", "completion"];

function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  // OpenAI-style content parts: [{ type: "text", text }]
  if (Array.isArray(content)) {
    const texts = content.map((p) => (typeof p === "string" ? p : typeof p?.text === "string" ? p.text : null)).filter((t): t is string => t !== null);
    return texts.length ? texts.join(" ") : null;
  }
  return null;
}

/**
 * A one-glance text for a trace's input or output JSON: the last user message of a chat
 * transcript (what was asked), an assistant message's content, a plain string, or compact JSON.
 * Plain text only — the UI renders it as text, never as markup.
 */
export function previewText(value: unknown, max = PREVIEW_CHARS): string | null {
  if (value === null || value === undefined) return null;
  let text: string | null = null;
  if (typeof value === "string") text = value;
  else if (Array.isArray(value) && value.every((m) => typeof m === "object" && m !== null && "role" in m)) {
    const messages = value as Message[];
    const lastUser = [...messages].reverse().find((m) => m.role === "user");
    text = contentText((lastUser ?? messages[messages.length - 1])?.content);
  } else if (typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    text = contentText(v.content);
    for (const key of TEXT_KEYS) text ??= typeof v[key] === "string" ? (v[key] as string) : null;
    // { whatever: "the text" } — a lone string field is the text.
    const entries = Object.values(v);
    if (text === null && entries.length === 1 && typeof entries[0] === "string") text = entries[0];
  }
  text ??= JSON.stringify(value);
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
