import { db } from "../db";
import { requireDataset, touchDataset } from "./dataset-rows";
import { closeCurrentVersion } from "./item-versions";

/** Deleting closes the current version: snapshots before now still contain the item. */
export async function deleteDatasetItem(options: { projectId: string; datasetId: string; itemId: string }) {
  const { projectId, datasetId, itemId } = options;
  return db.$transaction(async (tx) => {
    await requireDataset({ projectId, datasetId, tx });
    const { row, closedAt } = await closeCurrentVersion({ tx, projectId, datasetId, itemId });
    await touchDataset({ tx, projectId, datasetId });
    return { itemId: row.itemId, version: row.version, validTo: closedAt };
  });
}
