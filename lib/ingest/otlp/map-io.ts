/**
 * Input/output resolution. Several conventions often describe the same payload on one span
 * (OpenInference sets both llm.input_messages.* and input.value); the most structured source wins
 * and the redundant ones are consumed rather than duplicated into metadata.
 */
import { type AttrBag, asString, parseJsonish } from "./attr-bag";
import {
  fromIndexedAttributes,
  fromOpenInference,
  type Message,
  normalizeMessage,
  normalizeMessages,
  unflatten,
} from "./map-messages";
import type { AttrValue, OtlpEvent } from "./otlp-types";

/** Attribute families whose keys carry an index: `<prefix>N.<path>`. */
export const FAMILY_PREFIXES = [
  "llm.input_messages.",
  "llm.output_messages.",
  "gen_ai.prompt.",
  "gen_ai.completion.",
  "embedding.embeddings.",
  "retrieval.documents.",
] as const;
export type FamilyPrefix = (typeof FAMILY_PREFIXES)[number];
export type Families = Map<FamilyPrefix, Array<[key: string, rest: string, value: AttrValue]>>;

/** One pass over the keys; only keys starting with a family's first letter pay for startsWith. */
export function collectFamilies(attributes: Record<string, AttrValue>): Families {
  const families: Families = new Map();
  for (const key in attributes) {
    const c = key.charCodeAt(0);
    if (c !== 108 && c !== 103 && c !== 101 && c !== 114) continue; // l g e r
    for (const prefix of FAMILY_PREFIXES) {
      if (!key.startsWith(prefix)) continue;
      let list = families.get(prefix);
      if (!list) families.set(prefix, (list = []));
      list.push([key, key.slice(prefix.length), attributes[key]!]);
      break;
    }
  }
  return families;
}

function family(bag: AttrBag, families: Families, prefix: FamilyPrefix): unknown[] | null {
  const list = families.get(prefix);
  if (!list) return null;
  for (const [key] of list) bag.consume(key);
  return unflatten(list.map(([, rest, value]) => [rest, value] as const));
}

export const MESSAGE_EVENTS = new Set([
  "gen_ai.content.prompt",
  "gen_ai.content.completion",
  "gen_ai.system.message",
  "gen_ai.user.message",
  "gen_ai.assistant.message",
  "gen_ai.tool.message",
  "gen_ai.choice",
]);

/** The pre-1.30 GenAI semconv put prompts/completions on span events rather than attributes. */
function fromEvents(events: OtlpEvent[]): { input: unknown; output: unknown } {
  let input: unknown = null;
  let output: unknown = null;
  const inMsgs: Message[] = [];
  const outMsgs: Message[] = [];
  for (const e of events) {
    const a = e.attributes;
    switch (e.name) {
      case "gen_ai.content.prompt":
        input = normalizeMessages(a["gen_ai.prompt"]) ?? parseJsonish(a["gen_ai.prompt"] ?? null);
        break;
      case "gen_ai.content.completion":
        output = normalizeMessages(a["gen_ai.completion"], "assistant") ?? parseJsonish(a["gen_ai.completion"] ?? null);
        break;
      case "gen_ai.choice": {
        const m = normalizeMessage(a.message ?? a.content ?? a["gen_ai.completion"] ?? null, "assistant");
        if (m) outMsgs.push(m);
        break;
      }
      default: {
        if (!MESSAGE_EVENTS.has(e.name)) break;
        const role = asString(a.role) ?? e.name.slice("gen_ai.".length, -".message".length);
        const body = a.content ?? a["gen_ai.prompt"] ?? null;
        const m = normalizeMessage({ role, content: parseJsonish(body), tool_calls: parseJsonish(a.tool_calls), tool_call_id: a.id }, role);
        if (m) inMsgs.push(m);
      }
    }
  }
  return { input: inMsgs.length > 0 ? inMsgs : input, output: outMsgs.length > 0 ? outMsgs : output };
}

/** input.value/output.value: a JSON document when the mime type says so (or it looks like one). */
function ioValue(bag: AttrBag, valueKey: string, mimeKey: string): unknown {
  const value = bag.take(valueKey);
  const mime = asString(bag.take(mimeKey));
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || mime === "text/plain") return value;
  if (mime === "application/json") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return parseJsonish(value);
}

function pick(candidates: Array<() => unknown>): unknown {
  let chosen: unknown = null;
  // Every candidate runs so each consumes its keys; later ones are cheap once chosen is set.
  for (const candidate of candidates) {
    const v = candidate();
    if (chosen === null && v !== null && v !== undefined) chosen = v;
  }
  return chosen;
}

export type Io = { input: unknown; output: unknown; embeddings: number[][] | null };

export function mapIo(bag: AttrBag, families: Families, events: OtlpEvent[]): Io {
  const evented = events.length > 0 ? fromEvents(events) : { input: null, output: null };
  const embeddingItems = family(bag, families, "embedding.embeddings.") ?? [];
  const texts: unknown[] = [];
  const vectors: number[][] = [];
  for (const item of embeddingItems) {
    const e = typeof item === "object" && item !== null ? (item as { embedding?: Record<string, unknown> }).embedding : null;
    if (!e) continue;
    if (e.text !== undefined) texts.push(e.text);
    if (Array.isArray(e.vector)) vectors.push(e.vector.filter((n): n is number => typeof n === "number"));
  }

  let input = pick([
    () => parseJsonish(bag.take("langfuse.observation.input") ?? null),
    () => messagesOrRaw(bag.take("gen_ai.input.messages"), "user"),
    () => fromOpenInference(family(bag, families, "llm.input_messages.") ?? []),
    () => fromIndexedAttributes(family(bag, families, "gen_ai.prompt.") ?? [], "user"),
    () => evented.input,
    () => (texts.length > 0 ? texts : null),
    () => parseJsonish(bag.take("gen_ai.retrieval.query.text") ?? null),
    () => ioValue(bag, "input.value", "input.mime_type"),
    () => parseJsonish(bag.take("traceloop.entity.input") ?? null),
  ]);
  input = withSystemInstructions(bag, input);

  const output = pick([
    () => parseJsonish(bag.take("langfuse.observation.output") ?? null),
    () => messagesOrRaw(bag.take("gen_ai.output.messages"), "assistant"),
    () => fromOpenInference(family(bag, families, "llm.output_messages.") ?? []),
    () => fromIndexedAttributes(family(bag, families, "gen_ai.completion.") ?? [], "assistant"),
    () => evented.output,
    () => retrievalDocuments(family(bag, families, "retrieval.documents.")),
    () => genAiDocuments(bag.take("gen_ai.retrieval.documents")),
    () => ioValue(bag, "output.value", "output.mime_type"),
    () => parseJsonish(bag.take("traceloop.entity.output") ?? null),
  ]);
  return { input, output, embeddings: vectors.length > 0 ? vectors : null };
}

/** A consumed attribute must not vanish just because it is not a message list we understand. */
function messagesOrRaw(v: AttrValue | undefined, defaultRole: string): unknown {
  if (v === undefined || v === null) return null;
  return normalizeMessages(v, defaultRole) ?? parseJsonish(v);
}

/** gen_ai.system_instructions lives outside the message list; fold it back in as a system message. */
function withSystemInstructions(bag: AttrBag, input: unknown): unknown {
  const raw = bag.peek("gen_ai.system_instructions");
  if (raw === undefined || raw === null || (input !== null && !Array.isArray(input))) return input;
  bag.consume("gen_ai.system_instructions");
  const parsed = parseJsonish(raw);
  const system = Array.isArray(parsed) ? normalizeMessage({ role: "system", parts: parsed }) : { role: "system", content: parsed };
  return [system, ...((input as unknown[] | null) ?? [])];
}

/** GenAI `gen_ai.retrieval.documents`: a JSON array of `{ id, score, … }`, structured or as a string. */
function genAiDocuments(v: AttrValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  const parsed = typeof v === "string" ? parseJsonish(v) : v;
  return Array.isArray(parsed) ? parsed.map((d) => (typeof d === "string" ? parseJsonish(d) : d)) : parsed;
}

function retrievalDocuments(items: unknown[] | null): unknown {
  if (!items || items.length === 0) return null;
  return items.map((item) => {
    const doc = typeof item === "object" && item !== null ? (item as { document?: Record<string, unknown> }).document : null;
    if (!doc) return item;
    return doc.metadata === undefined ? doc : { ...doc, metadata: parseJsonish(doc.metadata) };
  });
}
