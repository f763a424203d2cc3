// Which thrown values mean "the database is away" (restarting, failing over, stopped, unreachable)
// rather than "this request is wrong": those answer 503 + Retry-After and are logged in one line.
// Pure: no imports, so lib/errors.ts (used everywhere) can use it.

/** Node socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/**
 * Postgres SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now (starting up / shutting down / in recovery), 53300 too
 * many connections.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma's codes for "can't reach", "timed out", "connection closed", "too many connections". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
/** node-postgres and pg-pool say these without a code. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /the database system is (starting up|shutting down|in recovery)/i,
  /terminating connection due to administrator command/i,
];

function codeOf(value: object): string | undefined {
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error` (or anything it wraps: cause, Prisma's driverAdapterError) is a lost or refused database connection. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const code = codeOf(error);
  if (code && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const kind = (error as { kind?: unknown }).kind;
  if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
  const original = (error as { originalCode?: unknown }).originalCode;
  if (typeof original === "string" && (SQLSTATES.has(original) || /^08[0-9A-Z]{3}$/.test(original))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
  const nested = [
    (error as { cause?: unknown }).cause,
    (error as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError,
    ...(Array.isArray((error as { errors?: unknown }).errors) ? ((error as { errors: unknown[] }).errors) : []),
  ];
  return nested.some((n) => n !== error && isDatabaseUnavailable(n, depth + 1));
}

/** A short description for a log line: no stack, no query, no parameters. */
export function describeDatabaseError(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const code = codeOf(error);
  const message = (error as { message?: unknown }).message;
  return [code, typeof message === "string" ? message.split("\n")[0] : undefined].filter(Boolean).join(" ");
}
