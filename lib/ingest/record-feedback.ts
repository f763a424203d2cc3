import "server-only";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { refundSharedToken, takeSharedToken } from "../rate-limit/shared-bucket";
import { userFeedbackScore } from "./feedback-score";
import { ingest } from "./ingest";

/** `client`: the sender's rate-limit bucket (clientIpBucket), which a project's pending votes are also limited by. */
type Options = { projectId: string; id: string; traceId: string; spanId: string | null; up: boolean; comment: string | null; client: string };

/**
 * Thumbs feedback from the public API (public keys are in every browser, so anyone can send any
 * trace id). For a trace the project has stored, it is a user_feedback score through the ingest
 * writer (rollup, triage rules). For one it has not, it is parked in pending_feedback and counts
 * nowhere (no rollup, no thumbs-down alert, no inbox item) until the trace's own ingest write
 * attaches it (sql/attach-pending-feedback.ts). A trace written between the check and the park
 * is caught by the worker's sweep (sweep-pending-feedback.ts), which also drops what waited too long.
 */
export async function recordFeedback(options: Options): Promise<{ pending: boolean }> {
  const { projectId, traceId } = options;
  const createdAt = new Date();
  const known = await db.trace.findUnique({ where: { projectId_id: { projectId, id: traceId } }, select: { id: true } });
  if (known) {
    await ingest(projectId, { spans: [], scores: [userFeedbackScore({ ...options, createdAt })] });
    return { pending: false };
  }
  // Bounded per project: a copied public key must not fill the table with made-up trace ids.
  const max = env().PHAROS_PENDING_FEEDBACK_MAX;
  const waiting = await db.pendingFeedback.count({ where: { projectId }, take: max });
  if (waiting >= max) {
    throw new AppError("RATE_LIMITED", `This project already holds ${max} feedback votes for traces it has not received; send feedback after its trace`, undefined, { "Retry-After": "60" });
  }
  // And per client: one visitor holding the public key must not fill the whole project's pool.
  const perClient = pendingPerClient(projectId, options.client);
  const taken = await takeSharedToken(perClient);
  if (!taken.granted) {
    throw new AppError("RATE_LIMITED", `Rate limit: this client already sent ${perClient.burst} feedback votes for traces the project has not received; send feedback after its trace`, undefined, { "Retry-After": String(taken.retryAfter) });
  }
  // A retry of the same vote (same id) stays one row, and gives its token back.
  const { count } = await db.pendingFeedback.createMany({
    data: [{ projectId, id: options.id, traceId, spanId: options.spanId, numberValue: options.up ? 1 : 0, comment: options.comment, createdAt }],
    skipDuplicates: true,
  });
  if (count === 0) await refundSharedToken(perClient, taken);
  return { pending: true };
}

/**
 * PER_CLIENT votes kept aside per client and project, refilled over the window a vote waits
 * (PHAROS_PENDING_FEEDBACK_HOURS): about the most one client can hold at a time. Shared by all
 * web processes (lib/rate-limit/); taken only for votes that would wait, never for known traces.
 */
function pendingPerClient(projectId: string, client: string) {
  const { PHAROS_PENDING_FEEDBACK_PER_CLIENT: burst, PHAROS_PENDING_FEEDBACK_HOURS: hours } = env();
  return { scope: "pending-feedback-client", key: `${projectId} ${client}`, burst, perMinute: burst / (hours * 60) };
}
