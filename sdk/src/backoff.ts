const BASE_MS = 200;
const CAP_MS = 10_000;
/** A server asking for longer than this is treated as this; a flush must end eventually. */
const MAX_RETRY_AFTER_MS = 60_000;

/** "Full jitter": uniform in [0, min(cap, base·2^attempt)], so retrying clients spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

export const isRetryableStatus = (status: number) => status === 429 || status >= 500;
