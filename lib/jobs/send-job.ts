import "server-only";
import type PgBoss from "pg-boss";
import { QUEUES, startBoss } from "./boss";

const globalForSender = globalThis as unknown as { pharosJobSender?: Promise<PgBoss> };

/** Enqueue a job from the web process (e.g. "compute drift now"); the worker runs it. */
export async function sendJob(queue: (typeof QUEUES)[keyof typeof QUEUES], data: object): Promise<string | null> {
  globalForSender.pharosJobSender ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    return startBoss(url, { sendOnly: true });
  })();
  const boss = await globalForSender.pharosJobSender;
  return boss.send(queue, data);
}
