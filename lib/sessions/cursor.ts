import { AppError } from "../errors";

/**
 * Keyset cursors carry the timestamp as Postgres printed it (microseconds, UTC), not a JS
 * Date: Dates keep milliseconds only, and a truncated key would repeat rows on the next page.
 */
export const PG_TIME_TEXT = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(time: string, id: string): string {
  return Buffer.from(JSON.stringify([time, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { time: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && TIME_TEXT.test(value[0]) && typeof value[1] === "string") {
      return { time: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError("INVALID", "query.cursor: not a cursor returned by this API");
}
