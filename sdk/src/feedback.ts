import { PharosError, describe } from "./errors.js";
import { newEventId } from "./ids.js";
import type { FeedbackParams, FetchLike } from "./types.js";

/** `pending`: Pharos has no trace with this id yet; the vote counts when the trace arrives (HTTP 202). */
export type FeedbackResult = { ok: true; id: string; pending: boolean } | { ok: false; error: PharosError };

/**
 * POST /api/public/feedback. Browser-safe: fetch and crypto only. Pass your own `id` to make
 * a retried submission idempotent; otherwise each call is a new score.
 */
export async function sendFeedback(baseUrl: string, key: string, params: FeedbackParams, fetchImpl?: FetchLike): Promise<FeedbackResult> {
  try {
    if (typeof params !== "object" || params === null || typeof params.traceId !== "string" || (params.value !== "up" && params.value !== "down")) {
      return { ok: false, error: new PharosError("invalid", 'feedback needs a traceId and a value of "up" or "down"') };
    }
    const id = params.id ?? newEventId();
    const body = JSON.stringify({ id, traceId: params.traceId, spanId: params.spanId, value: params.value, comment: params.comment });
    // Unbound window.fetch throws "Illegal invocation" in browsers.
    const doFetch = fetchImpl ?? (globalThis.fetch.bind(globalThis) as unknown as FetchLike);
    const res = await doFetch(`${trimSlash(baseUrl)}/api/public/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body,
    });
    if (res.status >= 200 && res.status < 300) return { ok: true, id, pending: res.status === 202 };
    const text = await res.text().catch(() => "");
    return { ok: false, error: new PharosError("http", `feedback refused: HTTP ${res.status} ${text.slice(0, 300)}`, { status: res.status }) };
  } catch (error) {
    return { ok: false, error: new PharosError("network", `feedback request failed: ${describe(error)}`, { cause: error }) };
  }
}

export const trimSlash = (url: string) => url.replace(/\/+$/, "");
