import { db } from "../db";
import { AppError } from "../errors";

/** Deletes the dataset and every version of its items. */
export async function deleteDataset(options: { projectId: string; datasetId: string }) {
  const { projectId, datasetId } = options;
  const deleted = await db.dataset.deleteMany({ where: { projectId, id: datasetId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", `Dataset ${datasetId} not found`);
}
