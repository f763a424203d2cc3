export type PharosErrorCode =
  | "config" // bad client options; the client disables itself
  | "invalid" // bad arguments to an SDK method
  | "serialize" // a body could not be turned into JSON
  | "network" // the request never got an HTTP answer
  | "http" // the server refused the whole request
  | "not_found" // getPrompt: no such prompt, label or version
  | "rejected" // the server refused single events (per-event 400 in a 207)
  | "queue_full" // events dropped because maxQueueSize was reached
  | "timeout" // runs: run.wait() gave up before the run finished
  | "internal";

/** Everything the SDK reports through onError; never thrown into user code — except by `pharos.runs` (CI wants a failing step). */
export class PharosError extends Error {
  readonly code: PharosErrorCode;
  /** HTTP status when there was one. */
  readonly status?: number;
  /** Envelope ids of the events this error is about (dropped or rejected). */
  readonly eventIds?: string[];

  constructor(code: PharosErrorCode, message: string, extra: { status?: number; eventIds?: string[]; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "PharosError";
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.eventIds !== undefined) this.eventIds = extra.eventIds;
  }
}

export type ErrorHandler = (error: PharosError) => void;

/**
 * The one exit for problems: a user handler if given, otherwise one console.warn per distinct
 * message (a flapping network must not flood logs). Secrets are masked in case a message
 * ever echoes them, and a throwing handler is swallowed so it cannot break user code.
 */
export function createReporter(onError: ErrorHandler | undefined, secrets: (string | undefined)[]): (error: PharosError) => void {
  const seen = new Set<string>();
  const mask = (text: string) => secrets.reduce<string>((t, s) => (s && s.length >= 4 ? t.split(s).join(`${s.slice(0, 3)}***`) : t), text);
  return (error) => {
    try {
      const safe = error.message === mask(error.message) ? error : new PharosError(error.code, mask(error.message), error);
      if (onError) return onError(safe);
      // "dropped 3 events…" and "dropped 7 events…" are the same problem: ids and counts don't count.
      const kind = safe.message.replace(/[0-9a-f]{16,}/g, "<id>").replace(/\d+/g, "#");
      if (seen.has(kind) || seen.size > 100) return;
      seen.add(kind);
      console.warn(`[pharos] ${safe.message}`);
    } catch {
      // A reporting failure must never reach the caller.
    }
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
