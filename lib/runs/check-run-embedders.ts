import "server-only";
import { embeddingSettings } from "../drift/embedding-settings";
import { AppError } from "../errors";
import type { RunEvaluator } from "./run-evaluators";

/** embedding_similarity and answer_relevancy with embedder "provider" embed through the project's provider. */
export const usesProviderEmbedder = (e: RunEvaluator) =>
  (e.spec.type === "embedding_similarity" || e.spec.type === "answer_relevancy") && e.spec.params.embedder === "provider";

/**
 * embedding_similarity (or answer_relevancy) with embedder "provider" embeds through the project's configured
 * embeddings provider (drift settings). Without one the run could only error on every item,
 * so starting it (or saving a gate that would) is a 400 naming the evaluator's field.
 */
export async function checkRunEmbedders(options: { projectId: string; evaluators: readonly RunEvaluator[]; field?: string }) {
  const { projectId, evaluators, field = "body.evaluators" } = options;
  const index = evaluators.findIndex(usesProviderEmbedder);
  if (index < 0) return;
  if ((await embeddingSettings({ projectId })).providerConfig) return;
  throw new AppError("INVALID", `${field}.${index}.embedder: this project has no embeddings provider configured (set one in the drift settings), use "offline"`);
}
