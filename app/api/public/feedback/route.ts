// POST /api/public/feedback – thumbs up/down (+ comment) on a trace or span; public keys allowed (browser-safe); 202 pending for a trace not received yet
import { randomUUID } from "node:crypto";
import { withApiKey } from "@/lib/auth/with-api-key";
import { clientIp, clientIpBucket } from "@/lib/client-ip/client-ip";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http";
import { ingestSettings } from "@/lib/ingest/project-settings";
import { recordFeedback } from "@/lib/ingest/record-feedback";
import { takeRateLimitToken } from "@/lib/ingest/rate-limit";
import { takeFeedbackIpToken } from "@/lib/ingest/take-feedback-ip-token";
import { feedbackBody } from "@/lib/schemas/feedback";

const CORS_BASE = { "Access-Control-Allow-Methods": "POST, OPTIONS", "Access-Control-Allow-Headers": "authorization, content-type", Vary: "Origin" };

// Preflights carry no credentials, so they cannot name a project: allow them, and check
// the origin against the project's list on the real request.
export function OPTIONS(req: Request) {
  const origin = req.headers.get("origin");
  return new Response(null, { status: 204, headers: { ...CORS_BASE, ...(origin ? { "Access-Control-Allow-Origin": origin, "Access-Control-Max-Age": "600" } : {}) } });
}

export const POST = withApiKey({ scope: "public", body: feedbackBody }, async ({ req, key, body }) => {
  // The client's limit first: a request it refuses must not have spent a token of the key, which
  // every visitor shares (else one client drains the key and everyone's feedback gets 429). A
  // request the key then refuses keeps its client token: it was a request all the same.
  await takeFeedbackIpToken(req);
  takeRateLimitToken(key);
  const origin = req.headers.get("origin");
  const allowed = (await ingestSettings(key.projectId)).feedbackOrigins;
  if (origin && !allowed.includes(origin) && !allowed.includes("*")) {
    throw new AppError("FORBIDDEN", `Origin ${origin} is not allowed to send feedback to this project; add it under project settings`);
  }
  const up = body.value === "up" || body.value === true || body.value === 1;
  const id = body.id ?? randomUUID();
  const { pending } = await recordFeedback({ projectId: key.projectId, id, traceId: body.traceId, spanId: body.spanId ?? null, up, comment: body.comment ?? null, client: clientIpBucket(clientIp(req.headers)) });
  const headers = origin ? { ...CORS_BASE, "Access-Control-Allow-Origin": origin } : undefined;
  // 202: the trace has not arrived; the vote counts once it does (within PHAROS_PENDING_FEEDBACK_HOURS).
  return pending ? json({ id, value: up ? "up" : "down", pending: true }, 202, headers) : json({ id, value: up ? "up" : "down" }, 201, headers);
});
