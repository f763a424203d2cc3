import "server-only";
import type PgBoss from "pg-boss";
import { jobQueueSender } from "../db-job-queue";
import type { QUEUES } from "./boss";

/** Enqueue a job from the web process (e.g. "compute drift now"); the worker runs it. */
export async function sendJob(queue: (typeof QUEUES)[keyof typeof QUEUES], data: object, options?: PgBoss.SendOptions): Promise<string | null> {
  return (await jobQueueSender()).send(queue, data, options ?? {});
}
