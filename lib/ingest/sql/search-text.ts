/** Characters of input + output kept for substring search; longer texts are searched by their start. */
export const SEARCH_TEXT_MAX_CHARS = 16_384;

/**
 * The text a trace is searched by (traces.search_text, GIN pg_trgm index): its input and
 * output JSON as text. The migration that added the column backfills with the same expression.
 */
export const SEARCH_TEXT_SQL = (input: string, output: string) =>
  `left(coalesce((${input})::text, '') || E'\\n' || coalesce((${output})::text, ''), ${SEARCH_TEXT_MAX_CHARS})`;

/**
 * search_text when span rows meet an existing trace row: the trace's own input/output once
 * either is known (a root span, or a trace event); until then the first text any of its spans
 * brought (the insert's fallback), so traces whose root carries no text are still found.
 */
export const SEARCH_TEXT_UPSERT_SQL = `case when coalesce(t.input, excluded.input, t.output, excluded.output) is not null
      then ${SEARCH_TEXT_SQL("coalesce(t.input, excluded.input)", "coalesce(t.output, excluded.output)")}
      else coalesce(t.search_text, excluded.search_text) end`;
