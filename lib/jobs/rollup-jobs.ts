import type PgBoss from "pg-boss";
import { rollupHours } from "../metrics/rollup-hours";
import { QUEUES } from "./boss";

/** Hour rollups every five minutes (and once at start, so long ranges are fast at once). */
export async function registerRollupJobs(boss: PgBoss) {
  await boss.schedule(QUEUES.rollupHours, "*/5 * * * *");
  await boss.work(QUEUES.rollupHours, async () => {
    await rollupHours();
  });
  await boss.send(QUEUES.rollupHours, {}, { singletonKey: "startup" });
}
