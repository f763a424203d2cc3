import { db } from "../db";
import { requireDataset } from "./dataset-rows";
import { insertNewItems } from "./insert-new-items";
import type { NewItem } from "./item-versions";

/** A manual item (version 1). */
export async function addDatasetItem(options: { projectId: string; datasetId: string; userId: string; item: NewItem }) {
  const { projectId, datasetId } = options;
  return db.$transaction(async (tx) => {
    await requireDataset({ projectId, datasetId, tx });
    const [itemId] = await insertNewItems({ tx, projectId, datasetId, userId: options.userId, items: [options.item] });
    return (await tx.datasetItem.findFirst({ where: { projectId, datasetId, itemId: itemId!, validTo: null } }))!;
  });
}
