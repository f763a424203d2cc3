import { db } from "../db";
import { AppError } from "../errors";
import { requireDataset } from "./dataset-rows";
import { usersById } from "./item-versions";

/** Every version of one item, oldest first. */
export async function getDatasetItemHistory(options: { projectId: string; datasetId: string; itemId: string }) {
  const { projectId, datasetId, itemId } = options;
  await requireDataset({ projectId, datasetId });
  const versions = await db.datasetItem.findMany({ where: { projectId, datasetId, itemId }, orderBy: { version: "asc" } });
  if (!versions.length) throw new AppError("NOT_FOUND", `Item ${itemId} not found in dataset ${datasetId}`);
  return { itemId, versions: versions.map(({ projectId: _p, datasetId: _d, ...v }) => v), users: await usersById(versions.map((v) => v.createdById)) };
}
