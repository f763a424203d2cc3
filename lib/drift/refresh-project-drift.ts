import "server-only";
import { db } from "../db";
import { computeMissingEmbeddings } from "../embeddings/compute-embeddings";
import { sqlPool } from "../db-sql-pool";
import { createDriftReport } from "./create-drift-report";
import { embeddingSettings } from "./embedding-settings";
import { runDriftReport } from "./run-drift-report";
import { type Granularity, GRANULARITY_MS, windowClosedSince } from "./math/windows";

/**
 * The scheduled drift pass of one project: embed what is missing, then (re)compute a report
 * for every field × embedding model with vectors in range whose latest report predates the
 * last window close — so reports are recomputed when windows close, not on every run.
 */
export async function refreshProjectDrift(options: { projectId: string; now?: Date; embed?: boolean }) {
  const { projectId } = options;
  const now = options.now ?? new Date();
  const settings = await embeddingSettings({ projectId });
  if (options.embed !== false) await computeMissingEmbeddings({ projectId, now, settings });
  const g = settings.granularity as Granularity;
  const from = new Date(now.getTime() - (settings.windows + 1) * GRANULARITY_MS[g]);
  const pairs = await sqlPool().query<{ field: string; model: string }>(
    `select field, model from embeddings where project_id = $1 and span_start_time >= $2 group by 1, 2 order by 1, 2`,
    [projectId, from],
  );
  const done: string[] = [];
  for (const { field, model } of pairs.rows) {
    // Scheduled reports are the unfiltered ones; filtered reports are made on demand.
    const recent = await db.driftReport.findMany({ where: { projectId, field, model, granularity: g }, orderBy: { createdAt: "desc" }, take: 10 });
    const latest = recent.find((r) => r.filters === null);
    const busy = latest && (latest.status === "queued" || latest.status === "running") && now.getTime() - latest.createdAt.getTime() < 30 * 60_000;
    if (busy || (latest && !windowClosedSince(latest.createdAt, now, g))) continue;
    const report = await createDriftReport({ projectId, field, model, settings, now });
    await runDriftReport({ projectId, reportId: report.id, now });
    done.push(report.id);
  }
  return done;
}
