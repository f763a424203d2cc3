import { PharosError, describe } from "./errors.js";
import type { FetchLike } from "./types.js";

export type GuardVerdict = "allow" | "mask" | "block";
export type GuardDirection = "input" | "output";

/** Where a detector found something: `start`/`end` are string indices (UTF-16) into the text or message content. */
export type GuardFinding = {
  type: string;
  start: number;
  end: number;
  score: number;
  detector: string;
  action: "allow" | "mask" | "block";
  /** With messages: which message, and which content part when the content is a list. */
  message?: number;
  part?: number;
};

/** A chat message as OpenAI takes it: string content, or a list of parts (text parts are checked). */
export type GuardMessage = { role: string; content: string | { type: string; text?: string; [key: string]: unknown }[] | null; [key: string]: unknown };

export type GuardResult<T extends string | GuardMessage[] = string | GuardMessage[]> = {
  verdict: GuardVerdict;
  /** What to send on: the text or messages with mask findings redacted (as given when nothing was masked, or the check failed). */
  value: T;
  findings: GuardFinding[];
  /** The policy Pharos applied (null when the check failed). */
  policy: string | null;
  /** Set when Pharos could not be asked (timeout, network, HTTP error): the verdict then comes from `onFailure`. */
  error?: PharosError;
};

export type GuardOptions = {
  /** A policy name; default: the project's default policy. */
  policy?: string;
  /** The trace (and span) the guardrail span is recorded under; a Trace or Span handle works too. */
  context?: { traceId?: string; spanId?: string; userId?: string; sessionId?: string };
  /** Give up after this long (default: the client's `guardTimeoutMs`, 2,000 ms). */
  timeoutMs?: number;
  /**
   * When Pharos cannot answer in time (or at all): "open" lets the text through as it is (verdict
   * allow), "closed" treats it as blocked. Default: the client's `guardFailure`, "open". Either
   * way the failure is reported to `onError` and set on the result.
   */
  onFailure?: "open" | "closed";
};

/**
 * Thrown by observeOpenAI when its guard policy blocks the request (before the model is called)
 * or the answer (before it reaches your code). `result` holds the findings.
 */
export class GuardBlockedError extends Error {
  readonly direction: GuardDirection;
  readonly result: GuardResult;

  constructor(direction: GuardDirection, result: GuardResult) {
    const types = [...new Set(result.findings.filter((f) => f.action === "block").map((f) => f.type))];
    super(`Pharos guard${result.policy ? ` (policy "${result.policy}")` : ""} blocked the ${direction}${types.length ? `: ${types.join(", ")}` : result.error ? `: ${result.error.message}` : ""}`);
    this.name = "GuardBlockedError";
    this.direction = direction;
    this.result = result;
  }
}

export type GuardHttp = { baseUrl: string; secretKey: string; fetch: FetchLike; timeoutMs: number; onFailure: "open" | "closed"; report: (error: PharosError) => void };

type Answer = { verdict: GuardVerdict; policy: string; text?: string; messages?: GuardMessage[]; findings: GuardFinding[] };

/**
 * POST /api/public/guard. Never throws: a failure (timeout, network, a non-2xx answer such as an
 * unknown policy) is reported and answered per `onFailure`.
 */
export async function guardCall<T extends string | GuardMessage[]>(http: GuardHttp, direction: GuardDirection, value: T, options: GuardOptions = {}): Promise<GuardResult<T>> {
  const onFailure = options.onFailure ?? http.onFailure;
  const timeoutMs = options.timeoutMs ?? http.timeoutMs;
  const failed = (error: PharosError): GuardResult<T> => {
    http.report(error);
    return { verdict: onFailure === "closed" ? "block" : "allow", value, findings: [], policy: null, error };
  };
  const context = options.context ? pickContext(options.context) : undefined;
  const body = JSON.stringify({ ...(typeof value === "string" ? { text: value } : { messages: value }), direction, policy: options.policy, context });
  let status: number;
  let text: string;
  try {
    const res = await http.fetch(`${http.baseUrl}/api/public/guard`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${http.secretKey}` }, body, signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return failed(new PharosError(timedOut ? "timeout" : "network", `guard ${direction}: ${timedOut ? `no answer within ${timeoutMs} ms` : describe(error)} (failing ${onFailure})`, { cause: error }));
  }
  let answer: Answer | undefined;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    // not JSON: handled below
  }
  if (status < 200 || status >= 300 || !answer || typeof answer.verdict !== "string") {
    const message = (answer as { error?: { message?: string } } | undefined)?.error?.message ?? text.slice(0, 300);
    return failed(new PharosError("http", `guard ${direction}: HTTP ${status} ${message} (failing ${onFailure})`, { status }));
  }
  const masked = (typeof value === "string" ? answer.text : answer.messages) as T | undefined;
  return { verdict: answer.verdict, value: masked ?? value, findings: answer.findings ?? [], policy: answer.policy ?? null };
}

/** A Trace or Span handle passes as a context: its trace id, and its span id when it is a span. */
function pickContext(c: GuardOptions["context"] & { id?: unknown; parentId?: unknown }): GuardOptions["context"] {
  const traceId = typeof c.traceId === "string" ? c.traceId : undefined;
  // A Span has `id` and `traceId` differing; a Trace's `id` is its trace id.
  const spanId = typeof c.spanId === "string" ? c.spanId : typeof c.id === "string" && c.id !== traceId && "parentId" in c ? c.id : undefined;
  return { traceId, spanId, userId: c.userId, sessionId: c.sessionId };
}
