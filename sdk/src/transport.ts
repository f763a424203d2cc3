import { backoffMs, isRetryableStatus, retryAfterMs } from "./backoff.js";
import { PharosError, describe } from "./errors.js";
import { batchBody } from "./serialize.js";
import type { Sleeper } from "./time.js";
import type { EventResult, FetchLike, QueuedEvent } from "./types.js";

export type TransportOptions = {
  url: string;
  secretKey: string;
  maxRetries: number;
  timeoutMs: number;
  fetch: FetchLike;
  sleeper: Sleeper;
  report: (error: PharosError) => void;
};

type Attempt = { retry: false } | { retry: true; delayMs?: number; reason: string };

/**
 * Sends one batch until it is accepted, refused, or out of retries. The body is built once,
 * so every retry carries the same event ids and the server's idempotency drops duplicates.
 */
export async function sendBatch(events: readonly QueuedEvent[], options: TransportOptions): Promise<void> {
  const body = batchBody(events);
  const ids = events.map((e) => e.id);
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(body, ids, options);
    if (!outcome.retry) return;
    if (attempt >= options.maxRetries) {
      options.report(new PharosError("network", `dropped ${ids.length} events after ${attempt + 1} attempts: ${outcome.reason}`, { eventIds: ids }));
      return;
    }
    await options.sleeper.sleep(outcome.delayMs ?? backoffMs(attempt));
  }
}

async function attemptOnce(body: string, ids: string[], options: TransportOptions): Promise<Attempt> {
  let response: Awaited<ReturnType<FetchLike>>;
  let text: string;
  try {
    response = await options.fetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.secretKey}` },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { retry: true, reason: `request to ${options.url} failed: ${describe(error)}` };
  }
  const { status } = response;
  if (isRetryableStatus(status)) {
    return { retry: true, delayMs: retryAfterMs(response.headers.get("retry-after")), reason: `HTTP ${status}${errorMessage(text)}` };
  }
  if (status < 200 || status >= 300) {
    options.report(new PharosError("http", `ingest refused ${ids.length} events: HTTP ${status}${errorMessage(text)}`, { status, eventIds: ids }));
    return { retry: false };
  }
  reportRejected(text, options.report);
  return { retry: false };
}

/** A 207 lists one result per event; refused events are reported, never retried (they would fail again). */
function reportRejected(text: string, report: (error: PharosError) => void) {
  let results: EventResult[] = [];
  try {
    const parsed = JSON.parse(text) as { results?: unknown };
    if (Array.isArray(parsed.results)) results = parsed.results as EventResult[];
  } catch {
    return;
  }
  const failed = results.filter((r) => typeof r?.status === "number" && r.status >= 300);
  if (failed.length === 0) return;
  const first = failed[0]!;
  const detail = first.error?.message ?? `status ${first.status}`;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : "";
  report(new PharosError("rejected", `server rejected event ${first.id}: ${detail}${more}`, { status: first.status, eventIds: failed.map((r) => r.id) }));
}

function errorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    return typeof message === "string" ? `: ${message}` : "";
  } catch {
    return "";
  }
}
