import { db } from "../db";

/** The health check answers within this even when Postgres is frozen (kill -STOP, a hung failover). */
const PING_TIMEOUT_MS = 2_000;

/** One round trip to Postgres; false when it is unreachable or does not answer in time (for /api/health). */
export async function pingDatabase(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
  try {
    return await Promise.race([db.$queryRaw`select 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
