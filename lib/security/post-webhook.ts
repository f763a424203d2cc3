import { OutboundBlockedError, outboundFetch } from "./outbound";

const TIMEOUT_MS = 10_000;

/** What one webhook attempt gave: a refused address stays refused, so only other failures are retried. */
export type WebhookDelivery = { ok: boolean; status?: number; error?: string; retry: boolean };

/**
 * One POST of a JSON body to a user-given URL through the outbound guard: no redirects
 * followed (a 3xx counts as a failure), 10 s timeout, at most 64 KiB of answer read.
 */
export async function postWebhook(options: { url: string; body: unknown; userAgent: string }): Promise<WebhookDelivery> {
  try {
    const res = await outboundFetch(options.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": options.userAgent },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      maxBytes: 64 * 1024,
    });
    return res.ok ? { ok: true, status: res.status, retry: false } : { ok: false, status: res.status, error: `webhook answered ${res.status}`, retry: true };
  } catch (error) {
    const blocked = error instanceof OutboundBlockedError;
    return { ok: false, error: blocked ? `webhook refused: ${error.message}` : `webhook unreachable: ${(error as Error).message}`, retry: !blocked };
  }
}
