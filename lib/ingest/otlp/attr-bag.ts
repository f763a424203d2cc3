/**
 * Span attributes plus a record of which keys a mapping consumed; whatever nobody consumed ends
 * up in metadata under its original key. Lookups are exact-key, so there is no per-attribute regex.
 */
import type { Attributes, AttrValue } from "./otlp-types";

export class AttrBag {
  private readonly consumed = new Set<string>();

  constructor(
    readonly values: Attributes,
    /** Resource attributes: a fallback for trace-wide fields only (environment, release). */
    readonly resource: Attributes = {},
  ) {}

  has(key: string): boolean {
    return this.peek(key) !== undefined;
  }

  /** Read without consuming: for lossy mappings whose original value is still worth keeping. */
  peek(key: string): AttrValue | undefined {
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined;
  }

  take(key: string): AttrValue | undefined {
    const v = this.peek(key);
    if (v !== undefined) this.consumed.add(key);
    return v;
  }

  consume(key: string): void {
    this.consumed.add(key);
  }

  /** The first key present wins; all of them are consumed since they say the same thing. */
  first(keys: readonly string[]): AttrValue | undefined {
    let found: AttrValue | undefined;
    for (const key of keys) {
      const v = this.take(key);
      if (found === undefined && v !== undefined && v !== null && v !== "") found = v;
    }
    return found;
  }

  firstString(keys: readonly string[]): string | null {
    return asString(this.first(keys));
  }

  /** Like firstString, falling back to the resource's attributes under the same keys. */
  firstStringOrResource(keys: readonly string[]): string | null {
    const own = this.firstString(keys);
    if (own !== null) return own;
    for (const key of keys) {
      const v = asString(Object.hasOwn(this.resource, key) ? this.resource[key] : undefined);
      if (v !== null) return v;
    }
    return null;
  }

  isConsumed(key: string): boolean {
    return this.consumed.has(key);
  }

  unconsumed(into: Record<string, unknown>): void {
    for (const key in this.values) {
      if (!this.consumed.has(key)) into[key] = this.values[key];
    }
  }
}

export function asString(v: unknown): string | null {
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

export function asNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Token counts: non-negative integers only; anything else is treated as absent. */
export function asCount(v: unknown): number | null {
  const n = asNumber(v);
  // Token counts are int4 columns: a count past 2^31 - 1 is garbage, not a number to store (it was a 500).
  return n !== null && n >= 0 && n <= 2_147_483_647 ? Math.round(n) : null;
}

/** Many SDKs JSON-encode structured values into string attributes; decode those, leave prose alone. */
export function parseJsonish(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const c = v.charCodeAt(0);
  // Only objects, arrays and quoted strings: a bare "42" or "true" is more likely text than JSON.
  if (c !== 123 && c !== 91 && c !== 34) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  const parsed = parseJsonish(v);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

/** Tags arrive as string arrays, JSON-encoded arrays, or comma-separated strings. */
export function tagList(v: unknown): string[] {
  const parsed = parseJsonish(v);
  if (Array.isArray(parsed)) return parsed.filter((t): t is string => typeof t === "string");
  if (typeof parsed === "string") return parsed.split(",");
  return [];
}
