import "server-only";
import { jobQueueSender } from "../db-job-queue";
import type { QUEUES } from "./boss";

/** Enqueue a job from the web process (e.g. "compute drift now"); the worker runs it. */
export async function sendJob(queue: (typeof QUEUES)[keyof typeof QUEUES], data: object): Promise<string | null> {
  return (await jobQueueSender()).send(queue, data);
}
