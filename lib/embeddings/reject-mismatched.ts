import "server-only";
import type { ParsedBatch } from "../ingest/parse-batch";
import type { NormalizedSpan } from "../ingest/types";
import { embeddingDimensionProblems } from "./check-dimensions";

/**
 * Batch API: an event whose vector has the wrong dimension for its model gets a 400 result
 * (`batch[3].body.embeddings[0].vector: …`) and is not written; the other events are.
 */
export async function rejectMismatchedEmbeddings(projectId: string, parsed: ParsedBatch): Promise<void> {
  const problems = await embeddingDimensionProblems({ projectId, spans: parsed.spans });
  if (!problems.length) return;
  const bad = new Set<number>();
  for (const p of problems) {
    if (bad.has(p.span)) continue;
    bad.add(p.span);
    const event = parsed.spanEvents[p.span]!;
    parsed.results[event] = {
      id: parsed.results[event]!.id,
      status: 400,
      error: { code: "INVALID", message: `batch[${event}].body.embeddings[${p.embedding}].vector: ${p.message}` },
    };
  }
  parsed.spans = parsed.spans.filter((_, i) => !bad.has(i));
  parsed.spanEvents = parsed.spanEvents.filter((_, i) => !bad.has(i));
}

/** OTLP: such spans are rejected per span (partial_success), like other unmappable spans. */
export async function splitMismatchedOtlpSpans(projectId: string, spans: NormalizedSpan[]): Promise<{ spans: NormalizedSpan[]; errors: string[] }> {
  const problems = await embeddingDimensionProblems({ projectId, spans });
  if (!problems.length) return { spans, errors: [] };
  const bad = new Map<number, string>();
  for (const p of problems) if (!bad.has(p.span)) bad.set(p.span, `span "${spans[p.span]!.id}": embedding.embeddings: ${p.message}`);
  return { spans: spans.filter((_, i) => !bad.has(i)), errors: [...bad.values()] };
}
