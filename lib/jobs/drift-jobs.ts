import type PgBoss from "pg-boss";
import { activeProjects } from "../drift/active-projects";
import { computeRequestedReport } from "../drift/compute-requested-report";
import { refreshProjectDrift } from "../drift/refresh-project-drift";
import { computeMissingEmbeddings } from "../embeddings/compute-embeddings";
import { QUEUES } from "./boss";

/**
 * Embeddings every 5 minutes (offline by default, or the project's provider) of every span that
 * arrived since the last pass, however old its start time; a drift pass hourly, a few minutes
 * after the hour closes, and once at start (so a fresh demo has its report); on-demand reports
 * from "compute now", which first embed what their own windows still need. One project's failure
 * (e.g. a provider answering 401) is logged and does not stop the others.
 */
export async function registerDriftJobs(boss: PgBoss, options: { schedule?: boolean } = {}) {
  if (options.schedule !== false) {
    await boss.schedule(QUEUES.embedSpans, "*/5 * * * *");
    await boss.schedule(QUEUES.driftRefresh, "3 * * * *");
  }
  await boss.work(QUEUES.embedSpans, async () => {
    for (const projectId of await activeProjects()) {
      await computeMissingEmbeddings({ projectId }).catch((e: Error) => console.error(`[pharos worker] embeddings for project ${projectId}: ${e.message}`));
    }
  });
  await boss.work(QUEUES.driftRefresh, async () => {
    for (const projectId of await activeProjects()) {
      await refreshProjectDrift({ projectId }).catch((e: Error) => console.error(`[pharos worker] drift for project ${projectId}: ${e.message}`));
    }
  });
  await boss.work<{ projectId: string; reportId: string }>(QUEUES.computeDrift, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await computeRequestedReport({ projectId: job.data.projectId, reportId: job.data.reportId });
  });
  if (options.schedule !== false) await boss.send(QUEUES.driftRefresh, {}, { singletonKey: "startup" });
}
