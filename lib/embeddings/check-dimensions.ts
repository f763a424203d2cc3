import "server-only";
import { db } from "../db";
import type { NormalizedSpan } from "../ingest/types";

export type DimensionProblem = { span: number; embedding: number; message: string };

/**
 * Finds client-sent vectors whose dimension differs from what the project already stores for
 * that model (or from an earlier vector of the same model in this request). They are
 * rejected before the write, with a message naming the field and model; vectors of different
 * models are never compared, so a new model name is the way to send another dimension.
 * (Two concurrent first requests for a brand-new model could still disagree; the insert then
 * keeps only vectors matching the dimension that won — see insert-embeddings.ts.)
 */
export async function embeddingDimensionProblems(options: { projectId: string; spans: readonly NormalizedSpan[] }): Promise<DimensionProblem[]> {
  const { projectId, spans } = options;
  const models = new Set<string>();
  for (const s of spans) for (const e of s.embeddings ?? []) models.add(e.model);
  if (models.size === 0) return [];
  const stored = await db.embeddingModel.findMany({ where: { projectId, model: { in: [...models] } }, select: { model: true, dimension: true } });
  const known = new Map(stored.map((m) => [m.model, { dimension: m.dimension, stored: true }]));
  const problems: DimensionProblem[] = [];
  spans.forEach((span, spanIndex) => {
    (span.embeddings ?? []).forEach((e, embeddingIndex) => {
      const expected = known.get(e.model);
      if (!expected) {
        known.set(e.model, { dimension: e.vector.length, stored: false });
        return;
      }
      if (expected.dimension === e.vector.length) return;
      const where = expected.stored ? "this project stores" : "an earlier vector in this request has";
      problems.push({
        span: spanIndex,
        embedding: embeddingIndex,
        message: `${e.field} vector of model "${e.model}" has ${e.vector.length} dimensions but ${where} ${expected.dimension} for that model; vectors of different dimensions are never compared, so send them under another model name`,
      });
    });
  });
  return problems;
}
