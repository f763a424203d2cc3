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
