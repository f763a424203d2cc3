import type PgBoss from "pg-boss";
import { sweepPendingFeedback } from "../ingest/sweep-pending-feedback";
import { QUEUES } from "./boss";

/** Pending feedback (for traces not received yet): attach what can be, drop what waited too long; every five minutes. */
export async function registerFeedbackJobs(boss: PgBoss) {
  await boss.schedule(QUEUES.sweepPendingFeedback, "*/5 * * * *");
  await boss.work(QUEUES.sweepPendingFeedback, async () => {
    const { attached, expired } = await sweepPendingFeedback();
    if (attached || expired) console.log(`[pharos worker] pending feedback: ${attached} attached to traces that arrived, ${expired} dropped (older than PHAROS_PENDING_FEEDBACK_HOURS)`);
  });
}
