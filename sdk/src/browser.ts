// Browser entry: only the feedback client, which needs the public key alone (pk-…). Never
// ship a secret key to a browser.
import { sendFeedback, type FeedbackResult } from "./feedback.js";
import type { FeedbackParams } from "./types.js";

export type { FeedbackParams } from "./types.js";
export type { FeedbackResult } from "./feedback.js";
export { PharosError } from "./errors.js";

export type FeedbackClient = { send(params: FeedbackParams): Promise<FeedbackResult> };

/** Thumbs up/down from the page; resolves (never rejects) with whether it was stored. */
export function createFeedbackClient(options: { baseUrl: string; publicKey: string }): FeedbackClient {
  return {
    send: (params) => sendFeedback(options?.baseUrl ?? "", options?.publicKey ?? "", params),
  };
}
