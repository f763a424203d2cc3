import "server-only";
import PgBoss from "pg-boss";
import { QUEUES } from "./boss";

const globalForSender = globalThis as unknown as { pharosJobSender?: Promise<PgBoss> };

/**
 * Enqueue a job from the web process (e.g. "compute drift now"). A pg-boss instance that only
 * sends: no polling, no maintenance or cron, which the worker process does.
 */
export async function sendJob(queue: (typeof QUEUES)[keyof typeof QUEUES], data: object): Promise<string | null> {
  globalForSender.pharosJobSender ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: false, schedule: false });
    boss.on("error", (e) => console.error("[pharos jobs]", e.message));
    await boss.start();
    await boss.createQueue(queue);
    return boss;
  })();
  const boss = await globalForSender.pharosJobSender;
  return boss.send(queue, data);
}
