import { ZodError } from "zod";
import { describeDatabaseError, isDatabaseUnavailable } from "./db-errors";

export const ERROR_STATUS = {
  INVALID: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error whose message is safe to show to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

/** "body.name: Invalid input: expected string, received number" — where and what. */
export function describeZodError(error: ZodError, root: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = [root, ...issue.path.map(String)].join(".");
      return `${where}: ${issue.message}`;
    })
    .join("; ");
}

function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

/** Seconds a client is asked to wait while the database is away (a restart takes a few). */
export const DATABASE_RETRY_AFTER_S = 2;
let lastUnavailableLog = 0;

/** One line per second at most: a database restart under load fails thousands of requests. */
function logUnavailable(error: unknown) {
  const now = Date.now();
  if (now - lastUnavailableLog < 1000) return;
  lastUnavailableLog = now;
  console.warn(`[pharos] database unavailable, answering 503: ${describeDatabaseError(error)}`);
}

/** Maps any thrown value to the one error shape every route answers with. */
export function toResponse(error: unknown, root = "body"): Response {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (error instanceof ZodError) {
    appError = new AppError("INVALID", describeZodError(error, root), error.issues);
  } else if (prismaCode(error) === "P2002") {
    appError = new AppError("CONFLICT", "A record with these values already exists");
  } else if (prismaCode(error) === "P2025") {
    appError = new AppError("NOT_FOUND", "Not found");
  } else if (isDatabaseUnavailable(error)) {
    logUnavailable(error);
    appError = new AppError("UNAVAILABLE", "The database is unavailable (restarting or unreachable); retry shortly", undefined, { "Retry-After": String(DATABASE_RETRY_AFTER_S) });
  } else {
    console.error("[pharos] unhandled error", error);
    appError = new AppError("INTERNAL", "Internal server error");
  }
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  };
  return Response.json(body, { status: appError.status, headers: appError.headers });
}
