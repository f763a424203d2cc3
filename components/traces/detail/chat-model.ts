/**
 * Recognizes the chat shapes our ingest stores (see lib/ingest/otlp/map-messages.ts and the
 * batch API): OpenAI-style message arrays (content as string or parts, tool_calls/toolCalls),
 * a single message object, `{ messages: [...] }` request bodies, OpenAI responses with
 * `choices[].message`, and GenAI `parts`. Anything else is not chat and is shown as JSON.
 * Nothing here produces markup: the result is plain data rendered as React text.
 */
export type ChatPart = { type: "text"; text: string } | { type: "image"; url: string } | { type: "json"; value: unknown };
export type ToolCallView = { id: string | null; name: string; arguments: unknown };
export type ChatMessageView = { role: string; name: string | null; parts: ChatPart[]; toolCalls: ToolCallView[]; toolCallId: string | null };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const ROLES = new Set(["system", "developer", "user", "assistant", "tool", "function", "model", "human", "ai"]);

/** A JSON string becomes its value (tool arguments usually arrive as JSON text). */
export function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

function toolCall(c: unknown): ToolCallView | null {
  if (!isObj(c)) return null;
  const fn = isObj(c.function) ? c.function : c;
  const name = str(fn.name) ?? str(c.name);
  if (name === null) return null;
  return { id: str(c.id), name, arguments: parseMaybeJson(fn.arguments ?? fn.args ?? fn.input ?? null) };
}

function part(p: unknown): ChatPart {
  if (typeof p === "string") return { type: "text", text: p };
  if (isObj(p)) {
    const text = str(p.text) ?? (p.type === "text" ? str(p.content) : null);
    if (text !== null) return { type: "text", text };
    const image = isObj(p.image_url) ? str(p.image_url.url) : (str(p.image_url) ?? (p.type === "image" ? str(p.url) : null));
    if (image !== null) return { type: "image", url: image };
  }
  return { type: "json", value: p };
}

function contentParts(content: unknown): ChatPart[] {
  if (content === null || content === undefined || content === "") return [];
  if (typeof content === "string") return [{ type: "text", text: content }];
  if (Array.isArray(content)) return content.map(part);
  return [part(content)];
}

function roleOf(m: Obj): string | null {
  const role = str(m.role) ?? str(m.type);
  return role !== null && ROLES.has(role.toLowerCase()) ? role.toLowerCase() : null;
}

/** One message object, or null when the object is not shaped like a chat message. */
export function toChatMessage(v: unknown, defaultRole?: string): ChatMessageView | null {
  if (!isObj(v)) return null;
  const role = roleOf(v) ?? (defaultRole && ("content" in v || "tool_calls" in v) ? defaultRole : null);
  if (role === null) return null;
  const calls = [v.tool_calls, v.toolCalls].find(Array.isArray) as unknown[] | undefined;
  const toolCalls: ToolCallView[] = [];
  const nonCallParts: unknown[] = [];
  if (Array.isArray(v.parts)) {
    // OTel GenAI parts: tool_call parts are calls, everything else is content.
    for (const p of v.parts) {
      const call = isObj(p) && p.type === "tool_call" ? toolCall(p) : null;
      if (call) toolCalls.push(call);
      else nonCallParts.push(isObj(p) && p.type === "tool_call_response" ? { type: "json", value: p.response ?? p.result ?? p } : p);
    }
  }
  for (const c of calls ?? []) {
    const call = toolCall(c);
    if (call) toolCalls.push(call);
  }
  const legacyCall = isObj(v.function_call) ? toolCall({ function: v.function_call }) : null;
  if (legacyCall) toolCalls.push(legacyCall);
  const parts = Array.isArray(v.parts)
    ? nonCallParts.map((p) => (isObj(p) && p.type === "json" && "value" in p ? ({ type: "json", value: parseMaybeJson(p.value) } as ChatPart) : part(p)))
    : contentParts(role === "tool" ? parseMaybeJson(v.content) : v.content);
  return { role, name: str(v.name), parts, toolCalls, toolCallId: str(v.tool_call_id) ?? str(v.toolCallId) };
}

/** Messages when the value is chat-shaped, otherwise null (the caller shows plain text or JSON). */
export function toChatMessages(value: unknown, defaultRole = "user"): ChatMessageView[] | null {
  const v = parseMaybeJson(value);
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    const out = v.map((m) => toChatMessage(m, defaultRole));
    return out.every((m): m is ChatMessageView => m !== null) ? out : null;
  }
  if (!isObj(v)) return null;
  if (Array.isArray(v.messages)) return toChatMessages(v.messages, defaultRole);
  if (Array.isArray(v.choices)) {
    const msgs = v.choices.map((c) => (isObj(c) ? toChatMessage(c.message ?? c.delta, "assistant") : null));
    return msgs.length > 0 && msgs.every((m): m is ChatMessageView => m !== null) ? msgs : null;
  }
  const one = toChatMessage(v);
  return one ? [one] : null;
}

/**
 * A short readable form for session conversations: strings as they are, `{ question: "…" }`-like
 * objects with one string field as that string; otherwise null (render as JSON).
 */
export function singleText(value: unknown): { label: string | null; text: string } | null {
  if (typeof value === "string") return { label: null, text: value };
  if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && typeof value[keys[0]!] === "string") return { label: keys[0]!, text: value[keys[0]!] as string };
  }
  return null;
}

/** `[REDACTED:EMAIL]` markers written by lib/pii/mask-pii.ts, split out so the UI can highlight them. */
const REDACTION = /\[REDACTED:([A-Za-z0-9_-]{1,40})\]/g;
export type TextSegment = { text: string; redacted: string | null };

export function splitRedactions(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  REDACTION.lastIndex = 0;
  for (let m = REDACTION.exec(text); m; m = REDACTION.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), redacted: null });
    out.push({ text: m[0], redacted: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), redacted: null });
  return out;
}
