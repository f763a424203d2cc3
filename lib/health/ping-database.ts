import { db } from "../db";

/** One round trip to Postgres; false when it is unreachable (for /api/health). */
export async function pingDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`select 1`;
    return true;
  } catch {
    return false;
  }
}
