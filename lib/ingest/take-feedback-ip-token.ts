import "server-only";
import { clientIp, clientIpBucket } from "../client-ip/client-ip";
import { env } from "../env";
import { AppError } from "../errors";
import { takeSharedToken } from "../rate-limit/shared-bucket";

/**
 * Feedback per client address as well as per key: the public key is in every visitor's browser,
 * so one visitor must not be able to spend the whole key's budget. Shared by all web processes
 * (one upsert per feedback request, which writes a score anyway); the address is the one the
 * web server stamped (lib/client-ip/client-ip.ts), never a header the client chose.
 */
export async function takeFeedbackIpToken(req: Request, now?: Date): Promise<void> {
  const limit = env().PHAROS_FEEDBACK_RATE_LIMIT_PER_IP_PER_MINUTE;
  const burst = Math.max(10, Math.ceil(limit / 6));
  const taken = await takeSharedToken({ scope: "feedback-ip", key: clientIpBucket(clientIp(req.headers)), burst, perMinute: limit }, { now });
  if (!taken.granted) {
    throw new AppError("RATE_LIMITED", `Rate limit of ${limit} feedback requests per minute exceeded for this client`, undefined, { "Retry-After": String(taken.retryAfter) });
  }
}
