/** Shorter terms yield no trigram, so the GIN index cannot narrow them (see list-traces.ts). */
export const TRIGRAM_MIN_CHARS = 3;

/**
 * The ILIKE pattern for a substring search over traces.search_text. That column holds the
 * input/output *JSON text*, so the term is escaped the way jsonb prints strings (quotes,
 * backslashes, control characters; non-ASCII such as Hangul stays as is), then `\`, `%` and
 * `_` are escaped so they match literally.
 */
export function searchPattern(term: string): string {
  return `%${jsonEscaped(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The term as it appears inside a jsonb string printed as text. */
export function jsonEscaped(term: string): string {
  return JSON.stringify(term).slice(1, -1);
}

/** True when pg_trgm can extract at least one trigram from the term, i.e. the index helps. */
export function usesTrigramIndex(term: string): boolean {
  return [...term.trim()].length >= TRIGRAM_MIN_CHARS;
}
