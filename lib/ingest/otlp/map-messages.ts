/**
 * Converts the chat-message encodings seen in the wild (OTel GenAI parts, OpenAI-style objects,
 * OpenInference and Traceloop flattened attributes) into one ChatMessage shape, with tool calls
 * always as OpenAI-style `{ id, type: "function", function: { name, arguments } }`.
 */
import type { ChatMessage } from "../types";
import { asString, parseJsonish } from "./attr-bag";
import type { AttrValue } from "./otlp-types";

/** toolCallId links a tool result to the call; ChatMessage has no field for it yet. */
export type Message = ChatMessage & { toolCallId?: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function isIndex(s: string): boolean {
  if (s === "") return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Rebuilds `0.message.tool_calls.1.tool_call.id`-style suffixes into nested data; numeric
 * segments become (dense, ordered) arrays. Returns only the indexed items at the top level.
 */
export function unflatten(entries: ReadonlyArray<readonly [string, AttrValue]>): unknown[] {
  const root: Obj = Object.create(null) as Obj;
  for (const [path, value] of entries) {
    const parts = path.split(".");
    if (parts.includes("__proto__")) continue;
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i]!;
      let next = node[key];
      if (!isObj(next)) {
        next = Object.create(null) as Obj;
        node[key] = next;
      }
      node = next as Obj;
    }
    const leaf = parts[parts.length - 1]!;
    if (!isObj(node[leaf])) node[leaf] = value;
  }
  return indexedItems(root).map(densify);
}

function indexedItems(node: Obj): unknown[] {
  return Object.keys(node)
    .filter(isIndex)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => node[k]);
}

function densify(node: unknown): unknown {
  if (!isObj(node) || Object.getPrototypeOf(node) !== null) return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every(isIndex)) return indexedItems(node).map(densify);
  const out: Obj = {};
  for (const k of keys) out[k] = densify(node[k]);
  return out;
}

function toolCall(id: unknown, name: unknown, args: unknown): Obj {
  return { id: id ?? null, type: "function", function: { name: name ?? null, arguments: args ?? null } };
}

function withOptional(msg: Message, name: unknown, toolCalls: unknown[] | null, toolCallId: unknown): Message {
  const n = asString(name);
  if (n !== null) msg.name = n;
  if (toolCalls && toolCalls.length > 0) msg.toolCalls = toolCalls;
  const id = asString(toolCallId);
  if (id !== null) msg.toolCallId = id;
  return msg;
}

/** OTel GenAI `parts` messages (gen_ai.input.messages / gen_ai.output.messages). */
function fromParts(role: string, parts: unknown[], name: unknown): Message {
  const calls: unknown[] = [];
  const rest: unknown[] = [];
  const texts: string[] = [];
  let toolCallId: unknown;
  for (const part of parts) {
    if (!isObj(part)) continue;
    if (part.type === "tool_call") calls.push(toolCall(part.id, part.name, part.arguments));
    else {
      if (part.type === "text" && typeof part.content === "string") texts.push(part.content);
      if (part.type === "tool_call_response") toolCallId = part.id;
      rest.push(part);
    }
  }
  let content: unknown = rest;
  if (rest.length === 0) content = null;
  else if (texts.length === rest.length) content = texts.join("\n");
  else if (rest.length === 1 && toolCallId !== undefined) content = (rest[0] as Obj).response ?? (rest[0] as Obj).result ?? null;
  return withOptional({ role, content }, name, calls, toolCallId);
}

/** One message in any object form: GenAI parts or OpenAI-style (content / tool_calls / tool_call_id). */
export function normalizeMessage(v: unknown, defaultRole = "user"): Message | null {
  const m = parseJsonish(v);
  if (typeof m === "string") return { role: defaultRole, content: m };
  if (!isObj(m)) return null;
  const role = asString(m.role) ?? defaultRole;
  if (Array.isArray(m.parts)) return fromParts(role, m.parts, m.name);
  const rawCalls = m.tool_calls ?? m.toolCalls;
  const calls = Array.isArray(rawCalls)
    ? rawCalls.map((c) => (isObj(c) && !isObj(c.function) && c.name !== undefined ? toolCall(c.id, c.name, c.arguments) : c))
    : null;
  return withOptional({ role, content: m.content ?? null }, m.name, calls, m.tool_call_id ?? m.toolCallId);
}

/** A list of messages, possibly JSON-encoded; null when it is not a list of message objects. */
export function normalizeMessages(v: unknown, defaultRole = "user"): Message[] | null {
  const list = parseJsonish(v);
  if (!Array.isArray(list)) return null;
  const out: Message[] = [];
  for (const item of list) {
    const m = normalizeMessage(item, defaultRole);
    if (m) out.push(m);
  }
  return out.length > 0 ? out : null;
}

/** OpenInference `llm.{input,output}_messages.N.message.*` after unflatten. */
export function fromOpenInference(items: unknown[]): Message[] | null {
  const out: Message[] = [];
  for (const item of items) {
    const m = isObj(item) && isObj(item.message) ? item.message : null;
    if (!m) continue;
    let content: unknown = m.content ?? null;
    if (content === null && Array.isArray(m.contents)) {
      content = m.contents.map((c) => (isObj(c) && isObj(c.message_content) ? contentPart(c.message_content) : c));
    }
    const calls = Array.isArray(m.tool_calls)
      ? m.tool_calls.map((c) => {
          const tc = isObj(c) && isObj(c.tool_call) ? c.tool_call : {};
          const fn = isObj(tc.function) ? tc.function : {};
          return toolCall(tc.id, fn.name, fn.arguments);
        })
      : null;
    out.push(withOptional({ role: asString(m.role) ?? "user", content }, m.name, calls, m.tool_call_id));
  }
  return out.length > 0 ? out : null;
}

function contentPart(c: Obj): unknown {
  const image = isObj(c.image) && isObj(c.image.image) ? c.image.image : null;
  if (image) return { type: "image", url: image.url ?? null };
  return c.text !== undefined ? { type: asString(c.type) ?? "text", text: c.text } : c;
}

/** Traceloop/OpenLLMetry `gen_ai.{prompt,completion}.N.*` after unflatten. */
export function fromIndexedAttributes(items: unknown[], defaultRole: string): Message[] | null {
  const out: Message[] = [];
  for (const item of items) {
    if (!isObj(item)) continue;
    // Multimodal content is JSON-encoded into the string attribute.
    const parsed = parseJsonish(item.content);
    const content = Array.isArray(parsed) || isObj(parsed) ? parsed : (item.content ?? null);
    const calls = Array.isArray(item.tool_calls)
      ? item.tool_calls.map((c) => (isObj(c) ? toolCall(c.id, c.name, c.arguments) : c))
      : null;
    out.push(withOptional({ role: asString(item.role) ?? defaultRole, content }, item.name, calls, item.tool_call_id));
  }
  return out.length > 0 ? out : null;
}
