import type PgBoss from "pg-boss";
import { maintainSpans } from "../retention/maintain-spans";
import { QUEUES } from "./boss";

/** Span partitions ahead and retention every hour, and once at start (a fresh install gets its partitions at once). */
export async function registerRetentionJobs(boss: PgBoss) {
  await boss.schedule(QUEUES.maintainSpans, "23 * * * *");
  await boss.work(QUEUES.maintainSpans, async () => {
    const r = await maintainSpans();
    if (r.skipped) return console.log("[pharos worker] spans: another worker's pass is running; skipped");
    const removed = r.traces + r.spanRows + r.droppedPartitions.length + r.scores + r.embeddings;
    if (r.createdPartitions.length || removed) {
      console.log(
        `[pharos worker] spans: ${r.createdPartitions.length} partitions created${r.createdPartitions.length ? ` (${r.createdPartitions.join(", ")})` : ""}; ` +
          `retention of ${r.projects} projects removed ${r.traces} traces, ${r.droppedPartitions.length} daily span partitions, ${r.spanRows} further spans, ` +
          `${r.scores} scores, ${r.triageItems} inbox items, ${r.evalAttempts} online-evaluation attempts, ${r.embeddings} embeddings, ${r.driftReports} drift reports${r.incomplete ? " (stopped at its time limit; the next pass goes on)" : ""}`,
      );
    }
  });
  await boss.send(QUEUES.maintainSpans, {}, { singletonKey: "startup" });
}
