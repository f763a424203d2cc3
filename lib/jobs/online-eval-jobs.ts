import type PgBoss from "pg-boss";
import { runOnlineEvaluations } from "../online-evals/run-online-evaluations";
import { QUEUES } from "./boss";

/**
 * Online evaluation (worker process): every minute, each enabled rule scores the sampled
 * traces that arrived since its watermark (lib/online-evals/README.md), and once at start so a
 * fresh demo has its eval scores. Passes are safe to overlap: a page commits only from the
 * watermark it was read at, and scores have deterministic ids.
 */
export async function registerOnlineEvalJobs(boss: PgBoss, options: { schedule?: boolean } = {}) {
  if (options.schedule !== false) await boss.schedule(QUEUES.onlineEvals, "* * * * *");
  await boss.work(QUEUES.onlineEvals, async () => {
    await runOnlineEvaluations();
  });
  if (options.schedule !== false) await boss.send(QUEUES.onlineEvals, {}, { singletonKey: "startup" });
}
