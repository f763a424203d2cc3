import "server-only";
import type { NormalizedSpan } from "./types";
import { prepareSpans } from "./prepare-spans";
import { ingestSettings } from "./project-settings";
import type { ScoreRow, TraceRow } from "./rows";
import { metrics } from "../observability/metrics";
import { writerQueue } from "./writer-queue";

export type IngestInput = {
  spans: NormalizedSpan[];
  traces?: Omit<TraceRow, "projectId">[];
  scores?: Omit<ScoreRow, "projectId">[];
};

/**
 * The one ingest path behind every endpoint: prepare the rows of one project and hand
 * them to the writer queue. Resolves once the rows are committed.
 */
export async function ingest(projectId: string, input: IngestInput) {
  const settings = await ingestSettings(projectId);
  const spans = prepareSpans(projectId, input.spans, settings);
  const traces = (input.traces ?? []).map((t) => ({ ...t, projectId }));
  const scores = (input.scores ?? []).map((s) => ({ ...s, projectId }));
  const result = await writerQueue().enqueue({ spans, traces, scores });
  metrics().ingestedSpans.inc(spans.length);
  return result;
}
