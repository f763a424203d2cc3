import "server-only";
import { embeddingSettings } from "../drift/embedding-settings";
import type { EmbeddingField, StoredEmbeddingSettings } from "../schemas/drift";
import { embedByArrival } from "./embed-by-arrival";
import { embedByStartTime } from "./embed-by-start-time";
import { type ArrivalKey, arrivalCutoff, compareArrival, readProgress, saveProgress } from "./embedding-progress";
import { type Embedder, workerEmbedder } from "./worker-embedder";

/**
 * The worker's embedding pass: for each field the project embeds, embed the LLM spans of the last
 * `sinceDays` (by start time) that have no vector of the project's current model yet — offline by
 * default, or with the configured provider. Idempotent (the embeddings key makes a rerun a no-op)
 * and bounded per call by `limit`.
 *
 * What still needs a vector is tracked by ARRIVAL (embedding_progress, per field and model): the
 * pass reads only spans ingested after the watermark, in (ingested_at, trace_id, id) order, so a
 * backfill of old traces or an SDK flushing a day's buffer is embedded on the next pass like any
 * new span, and a fully embedded project costs an index probe per span that arrived since the
 * last pass. A full walk of the window by start time (the "sweep") runs only when nothing vouches
 * for the window: no row yet (a new project, a refitted IDF table, another provider model) or a
 * caller asking for an older window than the row covers. There is no periodic sweep any more:
 * spans are never updated after insert, and the cutoff (arrivalCutoff) waits for open ingest
 * transactions, so nothing arrives below the watermark.
 */
export type ComputeResult = {
  field: EmbeddingField;
  model: string;
  embedded: number;
  skipped: number;
  /** Whether this pass walked the whole window by start time (nothing vouched for it) or only new arrivals. */
  sweep: boolean;
  /** Whether the pass got through everything it had to visit without hitting `limit`. */
  complete: boolean;
};

export async function computeMissingEmbeddings(options: { projectId: string; limit?: number; sinceDays?: number; now?: Date; settings?: StoredEmbeddingSettings }): Promise<ComputeResult[]> {
  const { projectId } = options;
  const settings = options.settings ?? (await embeddingSettings({ projectId }));
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.sinceDays ?? 35) * 86_400_000);
  const results: ComputeResult[] = [];
  for (const field of settings.fields) {
    const embedder = await workerEmbedder({ projectId, field, settings, since });
    if (!embedder) continue;
    results.push(await embedField(projectId, field, embedder, { since, now, limit: options.limit ?? 20_000 }));
  }
  return results;
}

async function embedField(projectId: string, field: EmbeddingField, embedder: Embedder, pass: { since: Date; now: Date; limit: number }): Promise<ComputeResult> {
  const { since, now, limit } = pass;
  const progress = await readProgress(projectId, field, embedder.model);
  // Taken before the walk: the walk's snapshots include every span the cutoff vouches for.
  const cutoff = await arrivalCutoff();
  // A full walk when nothing vouches for the window's spans.
  if (!progress || progress.completeFrom > since) {
    const walked = await embedByStartTime({ projectId, field, embedder, from: since, limit });
    // Hitting the limit leaves older spans unvisited: no row yet, and the next pass sweeps again
    // (the rows just embedded drop out of its query).
    if (walked.complete) await saveProgress(projectId, field, embedder.model, { sweep: true, completeFrom: since, arrived: cutoff, sweptAt: now });
    return { field, model: embedder.model, ...walked, sweep: true };
  }
  const walked = await embedByArrival({ projectId, field, embedder, after: progress.arrived, from: since, limit });
  // Stopped at the limit: vouch up to the last span visited. Either way never past the cutoff.
  const reached: ArrivalKey = walked.complete || compareArrival(walked.reached, cutoff) > 0 ? cutoff : walked.reached;
  if (compareArrival(reached, progress.arrived) > 0) await saveProgress(projectId, field, embedder.model, { sweep: false, completeFrom: since, arrived: reached, sweptAt: progress.sweptAt });
  return { field, model: embedder.model, embedded: walked.embedded, skipped: walked.skipped, complete: walked.complete, sweep: false };
}
