import { AppError } from "../errors";

/** URLs whose part after the host is shorter than this get no hint: their last 4 characters would give away too much. */
const MIN_SECRET_FOR_HINT = 16;

/**
 * A webhook URL is a bearer secret (a Slack incoming webhook lets anyone who has it post to the
 * channel), so it is write-only once saved: every read shows where it goes, scheme and host, and
 * for a long URL its last four characters to tell two apart — `https://hooks.slack.com/…/••••1a2b`.
 * User info (`user:pass@`) is never shown.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "…";
  }
  const secret = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const hint = secret.length >= MIN_SECRET_FOR_HINT ? `/••••${secret.slice(-4)}` : "";
  return `${parsed.protocol}//${parsed.host}/…${hint}`;
}

/** Whether a value is a masked form as Pharos shows it (a URL someone typed has no "…" or "•": URLs percent-encode them). */
export function isMaskedWebhookUrl(value: string): boolean {
  return value.includes("…") || value.includes("•");
}

/**
 * What a webhook field of an update asks for. Absent, or the stored URL's masked form sent back
 * unchanged (a form that showed it): keep the stored URL. Another masked form: refused, it is
 * nobody's URL. Anything else: a new URL, which the caller checks and stores.
 */
export function webhookUrlChange(options: { stored: string | null; input: string | null | undefined; field: string }): "keep" | "set" {
  const { stored, input, field } = options;
  if (input === undefined) return "keep";
  if (input !== null && isMaskedWebhookUrl(input)) {
    if (stored !== null && input === maskWebhookUrl(stored)) return "keep";
    throw new AppError("INVALID", `${field}: this is a masked webhook URL, not the one stored; paste the full URL to replace it`);
  }
  return "set";
}

/** A new URL must be a real one: a masked form saved as a URL would silently deliver nowhere. */
export function assertNotMaskedWebhookUrl(input: string, field: string): void {
  if (isMaskedWebhookUrl(input)) throw new AppError("INVALID", `${field}: this is a masked webhook URL; paste the full URL`);
}
