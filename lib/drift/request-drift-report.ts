import "server-only";
import { AppError } from "../errors";
import { sqlPool } from "../db-sql-pool";
import { QUEUES } from "../jobs/boss";
import { sendJob } from "../jobs/send-job";
import type { EmbeddingField } from "../schemas/drift";
import { workerEmbedder } from "../embeddings/worker-embedder";
import { createDriftReport } from "./create-drift-report";
import { embeddingSettings } from "./embedding-settings";
import type { DriftFilters } from "./load-window-vectors";
import { type Granularity, GRANULARITY_MS } from "./math/windows";

/**
 * "Compute now": a queued report that the worker picks up (progress is visible meanwhile). The
 * job embeds what the report's windows still need first (computeRequestedReport).
 */
export async function requestDriftReport(options: { projectId: string; field?: EmbeddingField; model?: string; granularity?: Granularity; filters?: DriftFilters }) {
  const { projectId } = options;
  const settings = await embeddingSettings({ projectId });
  const field = options.field ?? settings.fields[0] ?? "input";
  const granularity = options.granularity ?? settings.granularity;
  let model = options.model;
  if (!model) {
    const from = new Date(Date.now() - (settings.windows + 1) * GRANULARITY_MS[granularity]);
    const best = await sqlPool().query<{ model: string }>(
      `select model from embeddings where project_id = $1 and field = $2 and span_start_time >= $3 group by 1 order by count(*) desc, 1 limit 1`,
      [projectId, field, from],
    );
    // No vectors in range yet (a fresh project, a backfill the worker has not reached): the
    // model the worker embeds with, so the job embeds the windows before computing.
    model = best.rows[0]?.model ?? (await workerEmbedder({ projectId, field, settings, since: from }))?.model;
  }
  if (!model) {
    throw new AppError("CONFLICT", `No ${field} embeddings in the last ${settings.windows + 1} ${granularity}s yet: send vectors with your spans, or let the worker embed span ${field} text (provider "${settings.provider}")`);
  }
  const report = await createDriftReport({ projectId, field, model, settings, granularity, filters: options.filters ?? null });
  await sendJob(QUEUES.computeDrift, { projectId, reportId: report.id });
  return report;
}
