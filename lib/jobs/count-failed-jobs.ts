import { db } from "../db";

/** Jobs of every worker that failed after all retries, by queue; none when pg-boss's schema is not there yet. */
export async function countFailedJobs(): Promise<{ name: string; n: number }[]> {
  return db
    .$queryRawUnsafe<{ name: string; n: number }[]>("select name, count(*)::int as n from pgboss.job where state = 'failed' group by name")
    .catch(() => []);
}
