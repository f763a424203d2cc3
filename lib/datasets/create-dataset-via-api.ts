import type { z } from "zod";
import { AppError } from "../errors";
import type { createDatasetBody } from "../schemas/datasets";
import { createDataset } from "./create-dataset";
import { requireDatasetByName } from "./dataset-rows";

/**
 * POST /api/public/datasets. A taken name is a 409, not an idempotent success: a CI job that
 * meant a different set must hear about it. The 409 carries the existing set's id in
 * `error.details.id`, so a sync script can go on with it without another request.
 */
export async function createDatasetViaApi(options: { projectId: string; input: z.infer<typeof createDatasetBody> }) {
  const { projectId, input } = options;
  try {
    const d = await createDataset({ projectId, userId: null, input });
    return { id: d.id, name: d.name };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
    const existing = await requireDatasetByName({ projectId, name: input.name });
    throw new AppError("CONFLICT", error.message, { id: existing.id, name: existing.name });
  }
}
