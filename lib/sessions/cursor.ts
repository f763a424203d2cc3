import { decodeCursor as decodeParts, encodeCursor as encodeParts, INVALID_CURSOR } from "../cursor";
import { AppError } from "../errors";

/**
 * Keyset cursors carry the timestamp as Postgres printed it (microseconds, UTC), not a JS
 * Date: Dates keep milliseconds only, and a truncated key would repeat rows on the next page.
 */
export const PG_TIME_TEXT = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(time: string, id: string): string {
  return encodeParts([time, id]);
}

export function decodeCursor(cursor: string): { time: string; id: string } {
  const [time, id] = decodeParts(cursor, 2) as [string, string];
  if (!TIME_TEXT.test(time)) throw new AppError("INVALID", INVALID_CURSOR);
  return { time, id };
}
