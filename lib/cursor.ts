import { AppError } from "./errors";

/**
 * Keyset cursors are opaque to clients: a base64url JSON array of strings (sort keys as
 * Postgres printed them, then the id). Each list checks the parts it expects.
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export const INVALID_CURSOR = "query.cursor: not a cursor returned by this API";

/** The cursor's parts, or a 400 when it is not an array of `arity` strings. */
export function decodeCursor(cursor: string, arity: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== arity || !parsed.every((p) => typeof p === "string")) {
    throw new AppError("INVALID", INVALID_CURSOR);
  }
  return parsed as string[];
}

/**
 * Lists keyed by (timestamp, id) carry the timestamp as Postgres printed it (microseconds,
 * UTC), not a JS Date: Dates keep milliseconds only, and a truncated key would repeat rows
 * on the next page.
 */
export const PG_TIME_TEXT = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const TIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeTimeCursor(time: string, id: string): string {
  return encodeCursor([time, id]);
}

export function decodeTimeCursor(cursor: string): { time: string; id: string } {
  const [time, id] = decodeCursor(cursor, 2) as [string, string];
  if (!TIME_TEXT.test(time)) throw new AppError("INVALID", INVALID_CURSOR);
  return { time, id };
}
