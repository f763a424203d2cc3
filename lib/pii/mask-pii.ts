import { compilePiiSettings, type CompiledPiiSettings, type PiiSettings } from "./settings";

export type MaskResult = { value: unknown; masks: number; kinds: string[] };
export type TextMaskResult = { text: string; masks: number; kinds: string[] };

export const redactionToken = (kind: string) => `[REDACTED:${kind}]`;

/** `detector`: the built-in detector's id, or "customPattern". */
type Hit = { start: number; end: number; kind: string; detector: string };
type Tally = { masks: number; kinds: Set<string> };

export function collectHits(text: string, compiled: CompiledPiiSettings): Hit[] {
  const hits: Hit[] = [];
  for (const detector of compiled.detectors) {
    for (const r of detector.find(text)) hits.push({ start: r.start, end: r.end, kind: detector.kind, detector: detector.id });
  }
  for (const { kind, re } of compiled.custom) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // Validation rejects empty matches, but a stored pattern may still produce one; never loop on it.
      if (m[0] === "") re.lastIndex++;
      else hits.push({ start: m.index, end: m.index + m[0].length, kind, detector: "customPattern" });
    }
  }
  return hits;
}

/**
 * Overlapping hits are merged into one redaction spanning all of them (so no fragment of
 * either leaks), named after the longest member; ties go to the earlier detector.
 */
function applyHits(text: string, hits: Omit<Hit, "detector">[], tally: Tally): string {
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  let out = "";
  let cursor = 0;
  for (let i = 0; i < hits.length; ) {
    const first = hits[i++]!;
    let { end, kind } = first;
    let longest = first.end - first.start;
    for (let next = hits[i]; next && next.start < end; next = hits[++i]) {
      if (next.end - next.start > longest) {
        kind = next.kind;
        longest = next.end - next.start;
      }
      if (next.end > end) end = next.end;
    }
    out += text.slice(cursor, first.start) + redactionToken(kind);
    cursor = end;
    tally.masks++;
    tally.kinds.add(kind);
  }
  return out + text.slice(cursor);
}

/** Replaces the given ranges with `[REDACTED:<KIND>]`, merging overlaps as masking does (the guard masks its findings with it). */
export function redactRanges(text: string, hits: { start: number; end: number; kind: string }[]): string {
  return hits.length === 0 ? text : applyHits(text, [...hits], { masks: 0, kinds: new Set() });
}

function maskString(text: string, compiled: CompiledPiiSettings, tally: Tally): string {
  const hits = collectHits(text, compiled);
  return hits.length === 0 ? text : applyHits(text, hits, tally);
}

/**
 * A card number sent as a JSON number (e.g. {"card": 4111111111111111}) is masked too and
 * becomes the redaction string; only safe integers with 13+ digits are considered, and the
 * issuer-digit rule keeps epoch-ms timestamps (leading 1) untouched. Other numbers stay numbers.
 */
function maskNumber(n: number, compiled: CompiledPiiSettings, tally: Tally): unknown {
  if (!compiled.creditCard || !Number.isSafeInteger(n) || n < 1e12) return n;
  const digits = String(n);
  const [hit] = compiled.creditCard.find(digits);
  if (!hit || hit.start !== 0 || hit.end !== digits.length) return n;
  tally.masks++;
  tally.kinds.add(compiled.creditCard.kind);
  return redactionToken(compiled.creditCard.kind);
}

type Container = unknown[] | Record<string, unknown>;
type Frame = { src: Container; keys: string[] | null; i: number; copy: Container | null };

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const asContainer = (v: unknown): Container | null =>
  typeof v === "object" && v !== null && (Array.isArray(v) || isPlainObject(v)) ? v : null;
const frameFor = (src: Container): Frame => ({ src, keys: Array.isArray(src) ? null : Object.keys(src), i: 0, copy: null });

function setChild(frame: Frame, key: string | number, value: unknown): void {
  if (!frame.copy) frame.copy = Array.isArray(frame.src) ? frame.src.slice() : { ...frame.src };
  // defineProperty so a "__proto__" key from JSON.parse stays an own data property.
  Object.defineProperty(frame.copy, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Iterative copy-on-write walk: unchanged subtrees keep their identity (no allocation on the
 * common no-PII path) and arbitrarily deep JSON cannot overflow the call stack. Keys are not
 * masked; non-plain objects (Date, Map, class instances) are left as they are.
 */
function walk(root: unknown, leaf: (v: unknown) => unknown): unknown {
  const rootContainer = asContainer(root);
  if (!rootContainer) return leaf(root);
  const stack: Frame[] = [frameFor(rootContainer)];
  const onStack = new Set<Container>([rootContainer]);
  for (;;) {
    const frame = stack[stack.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.src as unknown[]).length;
    if (frame.i >= length) {
      stack.pop();
      onStack.delete(frame.src);
      const parent = stack[stack.length - 1];
      if (!parent) return frame.copy ?? frame.src;
      if (frame.copy) setChild(parent, parent.keys ? parent.keys[parent.i]! : parent.i, frame.copy);
      parent.i++;
      continue;
    }
    const key = frame.keys ? frame.keys[frame.i]! : frame.i;
    const child = (frame.src as Record<string | number, unknown>)[key];
    const container = asContainer(child);
    if (container && !onStack.has(container)) {
      stack.push(frameFor(container));
      onStack.add(container);
      continue;
    }
    // A cycle is not JSON, but the walker must not hang on one: cut it.
    const masked = container ? "[CIRCULAR]" : leaf(child);
    if (masked !== child) setChild(frame, key, masked);
    frame.i++;
  }
}

/** Where PII is in a text (the same detectors and custom patterns as masking; overlaps not merged), for evaluators that report leaks. */
export function findPii(text: string, settings: PiiSettings): Hit[] {
  const compiled = compilePiiSettings(settings);
  return compiled.enabled ? collectHits(text, compiled) : [];
}

export function maskText(text: string, settings: PiiSettings): TextMaskResult {
  const compiled = compilePiiSettings(settings);
  if (!compiled.enabled) return { text, masks: 0, kinds: [] };
  const tally: Tally = { masks: 0, kinds: new Set() };
  const masked = maskString(text, compiled, tally);
  return { text: masked, masks: tally.masks, kinds: [...tally.kinds] };
}

/** Masks every string (and card-like integer) anywhere inside a JSON value. */
export function maskPii(value: unknown, settings: PiiSettings): MaskResult {
  const compiled = compilePiiSettings(settings);
  if (!compiled.enabled) return { value, masks: 0, kinds: [] };
  const tally: Tally = { masks: 0, kinds: new Set() };
  const masked = walk(value, (v) =>
    typeof v === "string" ? maskString(v, compiled, tally) : typeof v === "number" ? maskNumber(v, compiled, tally) : v,
  );
  return { value: masked, masks: tally.masks, kinds: [...tally.kinds] };
}
