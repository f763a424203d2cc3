import "server-only";
import type PgBoss from "pg-boss";
import { databaseUrl } from "./env";
import { startBoss } from "./jobs/boss";

const globalForSender = globalThis as unknown as { pharosJobSender?: Promise<PgBoss> };

/** The web process's connection to the job queue: it only enqueues (the worker polls, schedules and maintains). */
export function jobQueueSender(): Promise<PgBoss> {
  globalForSender.pharosJobSender ??= startBoss(databaseUrl(), { sendOnly: true });
  return globalForSender.pharosJobSender;
}
