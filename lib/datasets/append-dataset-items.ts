import { db } from "../db";
import { requireDatasetByName } from "./dataset-rows";
import { insertNewItems } from "./insert-new-items";
import type { NewItem } from "./item-versions";

export const MAX_APPENDED_ITEMS = 5_000;

/**
 * New items (version 1, source "api") in the set called `name`, all in one transaction: the
 * caller validated every item first, so one bad item stores nothing. Returns the item ids in order.
 */
export async function appendDatasetItems(options: { projectId: string; name: string; userId: string | null; items: Omit<NewItem, "source">[] }) {
  const { projectId, name } = options;
  return db.$transaction(
    async (tx) => {
      const dataset = await requireDatasetByName({ projectId, name, tx });
      const itemIds = await insertNewItems({ tx, projectId, datasetId: dataset.id, userId: options.userId, items: options.items.map((i) => ({ ...i, source: "api" as const })) });
      return { datasetId: dataset.id, itemIds };
    },
    { timeout: 60_000 },
  );
}
