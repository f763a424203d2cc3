import type { ListTracesQuery } from "../schemas/traces";
import { feedbackOf, SUMMARY_COLUMNS, type SummaryRow, tracePage } from "./trace-page";
import { previewText } from "./trace-preview";

/** The explorer's list: what a row shows (previews instead of whole payloads) and each row's thumbs. */
export async function listTraceSummaries(options: { projectId: string; query: ListTracesQuery }) {
  const { projectId, query: q } = options;
  const { page, nextCursor } = await tracePage<SummaryRow>(projectId, q, SUMMARY_COLUMNS);
  const feedback = await feedbackOf(projectId, page.map((r) => r.id));
  const data = page.map((r) => ({
    id: r.id,
    name: r.name,
    startTime: r.start_time,
    endTime: r.end_time,
    latencyMs: r.latency_ms,
    inputPreview: previewText(r.input_small, r.input_head),
    outputPreview: previewText(r.output_small, r.output_head),
    status: r.error_count > 0 ? ("error" as const) : ("ok" as const),
    errorCount: r.error_count,
    spanCount: r.span_count,
    totalCost: r.total_cost,
    usage: { inputTokens: r.input_tokens, outputTokens: r.output_tokens, totalTokens: r.input_tokens + r.output_tokens },
    models: r.models,
    userId: r.user_id,
    sessionId: r.session_id,
    environment: r.environment,
    release: r.release,
    promptName: r.prompt_name,
    promptVersion: r.prompt_version,
    tags: r.tags,
    flags: r.flags,
    feedback: feedback.get(r.id) ?? { up: 0, down: 0 },
  }));
  return { data, nextCursor };
}

export type TraceSummary = Awaited<ReturnType<typeof listTraceSummaries>>["data"][number];
