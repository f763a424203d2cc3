import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { ingestPool } from "../ingest/pg-pool";
import { sendJob } from "../jobs/send-job";
import { QUEUES } from "../jobs/boss";
import type { EmbeddingField } from "../schemas/drift";
import { sendToInbox } from "../triage/send-to-inbox";
import type { DriftFilters } from "./load-vectors";
import { createDriftReport } from "./run-report";
import { embeddingSettings } from "./settings";
import { type Granularity, GRANULARITY_MS } from "./math/windows";

const SUMMARY = {
  id: true, field: true, model: true, granularity: true, baseline: true, referenceStart: true, referenceEnd: true, rangeStart: true, rangeEnd: true,
  filters: true, statistic: true, alpha: true, status: true, progress: true, error: true, windows: true, distance: true, pValue: true, threshold: true,
  drifted: true, createdAt: true, completedAt: true,
} as const;

/** Reports of a project, newest first (without the projection), optionally for one field/model. */
export async function listDriftReports(projectId: string, filter: { field?: string; model?: string } = {}) {
  return db.driftReport.findMany({ where: { projectId, ...filter }, orderBy: { createdAt: "desc" }, take: 20, select: SUMMARY });
}

export async function getDriftReport(projectId: string, reportId: string) {
  const report = await db.driftReport.findUnique({ where: { projectId_id: { projectId, id: reportId } } });
  if (!report) throw new AppError("NOT_FOUND", "Drift report not found");
  return report;
}

/** The field × embedding model pairs with vectors, and how many (what a report can be made of). */
export async function embeddingSources(projectId: string) {
  const rows = await ingestPool().query<{ field: string; model: string; dimension: number; source: string; vectors: number; last: Date }>(
    `select e.field, e.model, min(e.dimension)::int as dimension, min(e.source) as source, count(*)::int as vectors, max(e.span_start_time) as last
     from embeddings e where e.project_id = $1 group by 1, 2 order by 1, count(*) desc`,
    [projectId],
  );
  return rows.rows;
}

/** "Compute now": a queued report that the worker picks up (progress is visible meanwhile). */
export async function requestDriftReport(projectId: string, input: { field?: EmbeddingField; model?: string; granularity?: Granularity; filters?: DriftFilters }) {
  const settings = await embeddingSettings(projectId);
  const field = input.field ?? settings.fields[0] ?? "input";
  const granularity = input.granularity ?? settings.granularity;
  let model = input.model;
  if (!model) {
    const from = new Date(Date.now() - (settings.windows + 1) * GRANULARITY_MS[granularity]);
    const best = await ingestPool().query<{ model: string }>(
      `select model from embeddings where project_id = $1 and field = $2 and span_start_time >= $3 group by 1 order by count(*) desc, 1 limit 1`,
      [projectId, field, from],
    );
    model = best.rows[0]?.model;
  }
  if (!model) {
    throw new AppError("CONFLICT", `No ${field} embeddings in the last ${settings.windows + 1} ${granularity}s yet: send vectors with your spans, or let the worker embed span ${field} text (provider "${settings.provider}")`);
  }
  const report = await createDriftReport({ projectId, field, model, settings, granularity, filters: input.filters ?? null });
  await sendJob(QUEUES.computeDrift, { projectId, reportId: report.id });
  return report;
}

type StoredCluster = { cluster: number; traceIds: string[] };

/** Sends the current-window traces of one cluster of a report to the failure inbox (reason: drift). */
export async function sendDriftClusterToInbox(projectId: string, reportId: string, cluster: number) {
  const report = await getDriftReport(projectId, reportId);
  const clusters = ((report.projection as { clusters?: StoredCluster[] } | null)?.clusters ?? []);
  const found = clusters.find((c) => c.cluster === cluster);
  if (!found) throw new AppError("NOT_FOUND", `Cluster ${cluster} not found in this report`);
  if (!found.traceIds.length) throw new AppError("INVALID", `Cluster ${cluster} has no current-window traces to send`);
  return { ...(await sendToInbox(projectId, found.traceIds, ["drift"])), traces: new Set(found.traceIds).size };
}
