import type PgBoss from "pg-boss";
import { rollupTiers } from "../metrics/rollup-tiers";
import { QUEUES } from "./boss";

/** Rollup tiers (15 min, 1 h) every five minutes (and once at start, so long ranges are fast at once). */
export async function registerRollupJobs(boss: PgBoss) {
  await boss.schedule(QUEUES.rollupHours, "*/5 * * * *");
  await boss.work(QUEUES.rollupHours, async () => {
    await rollupTiers();
  });
  await boss.send(QUEUES.rollupHours, {}, { singletonKey: "startup" });
}
