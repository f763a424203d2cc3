import "server-only";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { userFeedbackScore } from "./feedback-score";
import { ingest } from "./ingest";

type Options = { projectId: string; id: string; traceId: string; spanId: string | null; up: boolean; comment: string | null };

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
  // A retry of the same vote (same id) stays one row.
  await db.pendingFeedback.createMany({
    data: [{ projectId, id: options.id, traceId, spanId: options.spanId, numberValue: options.up ? 1 : 0, comment: options.comment, createdAt }],
    skipDuplicates: true,
  });
  return { pending: true };
}
