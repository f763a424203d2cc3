/**
 * Postgres stores neither NUL (U+0000) in text/jsonb nor unpaired UTF-16 surrogates in jsonb
 * ("lone leading surrogate in hex escape"): a request carrying one used to reach the database
 * and come back as a 500. Control inputs (names, templates, settings) are refused with a 400
 * naming the field; observed data (ingested traces) is kept with U+FFFD in place of each.
 */

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILL_FORMED_ALL = new RegExp(ILL_FORMED.source, "g");

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The path ("body.items.2.input") of the first string or key Postgres cannot store, if any. */
export function illFormedPath(value: unknown, root: string): string | undefined {
  if (typeof value === "string") return ILL_FORMED.test(value) ? root : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedPath(value[i], `${root}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (ILL_FORMED.test(key)) return `${root}.${JSON.stringify(key)}`;
      const found = illFormedPath(v, `${root}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The value with every NUL and unpaired surrogate (in strings and keys) replaced by U+FFFD; unchanged parts are shared, not copied. */
export function toWellFormedDeep<T>(value: T): T {
  if (typeof value === "string") return (ILL_FORMED.test(value) ? value.replace(ILL_FORMED_ALL, "\uFFFD") : value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = toWellFormedDeep(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return (out ?? value) as T;
  }
  if (isPlainObject(value)) {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const key = toWellFormedDeep(k);
      const next = toWellFormedDeep(v);
      if (key !== k || next !== v) changed = true;
      return [key, next] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
