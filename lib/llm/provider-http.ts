import { OutboundBlockedError, outboundFetch } from "../security/outbound";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from "./retry-policy";

/** Where and how to call an OpenAI-compatible API. The key and header values are secrets: never logged or put in errors. */
export type LlmEndpoint = { baseUrl: string; apiKey: string | null; headers?: Record<string, string> };

export type LlmErrorKind = "timeout" | "http" | "network" | "blocked" | "malformed" | "aborted";

/** A provider call that failed for good (after the last retry, or at once when retrying cannot help). */
export class LlmCallError extends Error {
  constructor(
    message: string,
    readonly kind: LlmErrorKind,
    readonly status: number | null,
    readonly attempts: number,
    /** Wall time from the first attempt to giving up, waits included. */
    readonly totalMs: number,
  ) {
    super(message);
    this.name = "LlmCallError";
  }
}

export type CallOptions = {
  /** Per attempt. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Cancels the call and any wait between attempts. */
  signal?: AbortSignal;
};

export type ProviderResponse = { body: unknown; status: number; attempts: number; latencyMs: number; totalMs: number; startedAt: Date };

export const DEFAULT_TIMEOUT_MS = 60_000;

export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

function requestHeaders(endpoint: LlmEndpoint, hasBody: boolean): Record<string, string> {
  return {
    ...endpoint.headers,
    accept: "application/json",
    ...(hasBody ? { "content-type": "application/json" } : {}),
    ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
  };
}

/**
 * One JSON request with retries: per-attempt timeout, exponential backoff, Retry-After honoured
 * on 429/503, through the outbound guard (private addresses refused at connect time).
 * `latencyMs` is the successful attempt's; `totalMs` includes the failed ones and the waits.
 */
export async function providerRequest(endpoint: LlmEndpoint, path: string, init: { method: "GET" | "POST"; body?: unknown }, options: CallOptions = {}): Promise<ProviderResponse> {
  const url = endpointUrl(endpoint.baseUrl, path);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  let last: LlmCallError | null = null;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    if (options.signal?.aborted) throw new LlmCallError(`call to ${url} was cancelled`, "aborted", null, attempt - 1, elapsed());
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const attemptStart = performance.now();
    let retryAfterMs: number | null = null;
    try {
      const res = await outboundFetch(url, { method: init.method, headers: requestHeaders(endpoint, body !== undefined), body, signal });
      const latencyMs = Math.round(performance.now() - attemptStart);
      const text = await res.text();
      if (res.ok) {
        try {
          return { body: JSON.parse(text), status: res.status, attempts: attempt, latencyMs, totalMs: elapsed(), startedAt };
        } catch {
          throw new LlmCallError(`${url} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`, "malformed", res.status, attempt, elapsed());
        }
      }
      const message = `${url} answered ${res.status}${errorDetail(text)}`;
      if (!isRetryableStatus(res.status)) throw new LlmCallError(message, "http", res.status, attempt, elapsed());
      last = new LlmCallError(message, "http", res.status, attempt, elapsed());
      retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
    } catch (error) {
      if (error instanceof LlmCallError) throw error;
      if (error instanceof OutboundBlockedError) throw new LlmCallError(`refused: ${error.message}`, "blocked", null, attempt, elapsed());
      if (options.signal?.aborted) throw new LlmCallError(`call to ${url} was cancelled`, "aborted", null, attempt, elapsed());
      last = timeout.aborted
        ? new LlmCallError(`${url} did not answer within ${timeoutMs} ms`, "timeout", null, attempt, elapsed())
        : new LlmCallError(`request to ${url} failed: ${(error as Error).message}`, "network", null, attempt, elapsed());
    }
    if (attempt < policy.maxAttempts) await sleep(retryDelayMs(attempt, retryAfterMs, policy), options.signal);
  }
  throw new LlmCallError(`${last!.message} (gave up after ${policy.maxAttempts} attempts)`, last!.kind, last!.status, policy.maxAttempts, elapsed());
}

/** The provider's own error message when it sends the usual `{ error: { message } }`. */
function errorDetail(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string") return `: ${message.slice(0, 300)}`;
  } catch {
    // not JSON: show the start of it
  }
  return text ? `: ${text.slice(0, 300)}` : "";
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
