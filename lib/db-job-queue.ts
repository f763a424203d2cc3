import "server-only";
import type PgBoss from "pg-boss";
import { databaseUrl } from "./env";
import { startBoss } from "./jobs/boss";

const globalForSender = globalThis as unknown as { pharosJobSender?: Promise<PgBoss> };

/**
 * The web process's connection to the job queue: it only enqueues (the worker polls, schedules
 * and maintains). A start that failed (the database was away) is forgotten, so the next call
 * tries again instead of failing for the life of the process.
 */
export function jobQueueSender(): Promise<PgBoss> {
  if (!globalForSender.pharosJobSender) {
    const started = startBoss(databaseUrl(), { sendOnly: true });
    globalForSender.pharosJobSender = started;
    started.catch(() => {
      if (globalForSender.pharosJobSender === started) globalForSender.pharosJobSender = undefined;
    });
  }
  return globalForSender.pharosJobSender;
}
