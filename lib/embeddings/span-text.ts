/**
 * The text of a span's input or output that gets embedded: for chat messages the last user
 * message (input) or the assistant's reply (output) — the system prompt would otherwise
 * dominate every vector and hide what users actually ask; for strings the string; for other
 * JSON the string leaves joined. Capped, since a question's topic shows in its first lines.
 */
const MAX_CHARS = 2_000;

export function spanText(value: unknown, field: "input" | "output"): string {
  return collect(pickMessage(value, field)).join(" ").replace(/\s+/g, " ").trim().slice(0, MAX_CHARS);
}

function pickMessage(value: unknown, field: "input" | "output"): unknown {
  const messages = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.messages) ? value.messages : null;
  if (messages && messages.length && messages.every((m) => isRecord(m) && "role" in m)) {
    const wanted = field === "input" ? "user" : "assistant";
    for (let i = messages.length - 1; i >= 0; i--) if ((messages[i] as { role: unknown }).role === wanted) return (messages[i] as { content?: unknown }).content;
    return (messages[messages.length - 1] as { content?: unknown }).content;
  }
  if (isRecord(value) && "role" in value && "content" in value) return value.content;
  return value;
}

function collect(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 6 || out.length > 200) return out;
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, out, depth + 1);
  else if (isRecord(value)) {
    // Content parts ({ type: "text", text }) and common wrappers; skip ids, urls and base64 blobs.
    for (const [k, v] of Object.entries(value)) if (!/^(id|type|url|image_url|role|b64_json|data)$/.test(k)) collect(v, out, depth + 1);
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
