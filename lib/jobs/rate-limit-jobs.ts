import type PgBoss from "pg-boss";
import { sweepRateLimitBuckets } from "../rate-limit/sweep-rate-limit-buckets";
import { QUEUES } from "./boss";

/** Refilled security-limit buckets (sign-in, sign-up, feedback per client) are deleted every ten minutes. */
export async function registerRateLimitJobs(boss: PgBoss) {
  await boss.schedule(QUEUES.sweepRateLimits, "*/10 * * * *");
  await boss.work(QUEUES.sweepRateLimits, async () => {
    await sweepRateLimitBuckets();
  });
}
