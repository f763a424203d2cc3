// Mutations of known-valid payloads: drop, duplicate and retype fields, hostile strings
// (huge, Korean, RTL, NUL, lone surrogates), numbers at the edges, deep nesting, and bodies that
// are not JSON at all or are sent with the wrong content type.
import fc from "fast-check";
import { anyJson } from "./schema-arbitrary";

export const HOSTILE_STRINGS = [
  "",
  " ",
  "안녕하세요 세계, 환불은 어떻게 하나요?",
  "مرحبا بالعالم\u202Eevil\u202C",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDBFFy",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\u200B\uFEFF",
  "../../etc/passwd",
  "%00%2F%2e%2e",
  "' OR 1=1 --",
  "{{#each}}{{/each}}{{",
  "$1$2\\u0000\\",
  "\r\n\r\nX-Injected: 1",
  "<script>alert(1)</script>",
  "\\\"",
  "null",
  "NaN",
  "-0",
  "1e309",
  "2026-02-30T25:61:61Z",
];

export const EDGE_NUMBERS = [0, -0, -1, 1, 0.5, -0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 1e21, 1.7976931348623157e308];

/** A string that is hostile by shape or content. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom("가", "힣", "ا", "ب", "\u0000", "\uD800", "\uDC00", "\u202E", "é", "\u0301"), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(10_000, 70_000, 300_000).map((n) => "한".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom(129, 257, 513, 4_001, 100_001).map((n) => "x".repeat(n)) },
);

/** Nested arrays/objects `depth` deep (kept shallow enough for the test's own recursion; deeper ones go as text through `wire`). */
export function deepValue(depth: number, kind: "array" | "object"): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
}

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [[]], [null]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(10, 50, 200), fc.constantFrom("array" as const, "object" as const)).map(([d, k]) => deepValue(d, k)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 60 }) },
);

type Op =
  | { kind: "drop"; at: number }
  | { kind: "retype"; at: number; value: unknown }
  | { kind: "add"; at: number; key: string; value: unknown }
  | { kind: "duplicate"; at: number }
  | { kind: "wrap"; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("retype" as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant("retype" as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "id", "projectId", "toString")), value: replacement }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("wrap" as const), at: fc.nat() }),
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(value: unknown, out: Slot[] = [], depth = 0): Slot[] {
  if (depth > 8 || out.length > 200 || typeof value !== "object" || value === null) return out;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return out; // typed arrays, dates: leaves
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, v] of entries) {
    out.push({ parent: value as Slot["parent"], key });
    slots(v, out, depth + 1);
  }
  return out;
}

function apply(root: unknown, op: Op): unknown {
  const all = slots(root);
  if (all.length === 0) return op.kind === "retype" ? op.value : op.kind === "wrap" ? [root] : root;
  const slot = all[op.at % all.length]!;
  const p = slot.parent as Record<string | number, unknown>;
  switch (op.kind) {
    case "drop":
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete p[slot.key];
      break;
    case "retype":
      p[slot.key] = op.value;
      break;
    case "add": {
      const target = p[slot.key];
      // Keys go into plain objects only: a typed array (OTLP ids and bytes) refuses an index-like key.
      if (typeof target === "object" && target !== null && Object.getPrototypeOf(target) === Object.prototype) Object.defineProperty(target, op.key, { value: op.value, enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(target)) target.push(op.value);
      else p[slot.key] = op.value;
      break;
    }
    case "duplicate":
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 0, structuredClone(p[slot.key]));
      else p[slot.key] = [p[slot.key], p[slot.key]];
      break;
    case "wrap":
      p[slot.key] = { value: p[slot.key] };
      break;
  }
  return root;
}

/** A valid payload with 1–3 structural mutations applied. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(opArb, { minLength: 1, maxLength: 3 })).map(([v, ops]) => {
    let out: unknown = structuredClone(v);
    for (const op of ops) out = apply(out, op);
    return out;
  });
}

/** How a body goes on the wire. */
export type WireBody = { text: string | Uint8Array; contentType: string | null };

const JSON_TYPES = ["application/json", "application/json; charset=utf-8"];
const WRONG_TYPES = [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/x-protobuf", "application/json; charset=utf-16", "*/*", "application/jsonx"];

/** Serializes a value the way a client would, or in one of the ways a broken client does. */
export function wire(value: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  const text = value.map((v) => JSON.stringify(v) ?? "null");
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(text, fc.constantFrom(...JSON_TYPES)).map(([t, c]) => ({ text: t, contentType: c })) },
    { weight: 2, arbitrary: fc.tuple(text, fc.constantFrom(...WRONG_TYPES)).map(([t, c]) => ({ text: t, contentType: c })) },
    // Duplicate keys: the last one wins in JSON.parse; the first field repeated with a hostile value.
    { weight: 1, arbitrary: fc.tuple(text, replacement).map(([t, r]) => ({ text: t.startsWith("{\"") ? `{"${t.slice(2).split("\"")[0]}":${JSON.stringify(r) ?? "null"},${t.slice(1)}` : t, contentType: "application/json" })) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom("", "{", "[1,", "null", "[]", "\"x\"", "1e400", "{\"a\":1}garbage", "\uFEFF{}", "\u0000", "{\"__proto__\":{\"polluted\":1}}", "[".repeat(20_000)), text.map((t) => t.slice(0, Math.max(0, t.length - 3)))), fc.constantFrom(...JSON_TYPES, null)).map(([t, c]) => ({ text: t, contentType: c })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => ({ text: b, contentType: "application/json" })) },
    // Deep nesting as text (as values they would overflow the test's own stack): a field holding it, or the whole body.
    { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom(1_000, 10_000, 100_000), fc.constantFrom("[", "{\"a\":")).map(([t, d, open]) => {
      const deep = open.repeat(d) + "1" + (open === "[" ? "]" : "}").repeat(d);
      return { text: t.startsWith("{") && t.length > 2 ? `{"deep":${deep},${t.slice(1)}` : deep, contentType: "application/json" };
    }) },
  );
}
