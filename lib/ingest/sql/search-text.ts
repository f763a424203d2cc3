/** Characters of input + output kept for substring search; longer texts are searched by their start. */
export const SEARCH_TEXT_MAX_CHARS = 16_384;

/**
 * The text a trace is searched by (traces.search_text, GIN pg_trgm index): its input and
 * output JSON as text. The migration that added the column backfills with the same expression.
 */
export const SEARCH_TEXT_SQL = (input: string, output: string) =>
  `left(coalesce((${input})::text, '') || E'\\n' || coalesce((${output})::text, ''), ${SEARCH_TEXT_MAX_CHARS})`;
