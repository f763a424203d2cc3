import type { z } from "zod";
import { db } from "../db";
import type { updateDatasetBody } from "../schemas/datasets";
import { isUniqueViolation, nameTaken, requireDataset } from "./dataset-rows";
import { getDataset } from "./get-dataset";

export async function updateDataset(options: { projectId: string; datasetId: string; input: z.infer<typeof updateDatasetBody> }) {
  const { projectId, datasetId, input } = options;
  await requireDataset({ projectId, datasetId });
  try {
    await db.dataset.update({
      where: { projectId_id: { projectId, id: datasetId } },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description || null } : {}) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
    throw error;
  }
  return getDataset({ projectId, datasetId });
}
