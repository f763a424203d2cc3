import type { Prisma } from "../generated/prisma/client";
import { touchDataset, type Tx } from "./dataset-rows";
import { newItemId } from "./item-id";
import { nullableJson, type NewItem } from "./item-versions";

/** Inserts version 1 of new items (one statement per 1,000) inside the caller's transaction. */
export async function insertNewItems(options: { tx: Tx; projectId: string; datasetId: string; userId: string | null; items: NewItem[] }) {
  const { tx, projectId, datasetId, userId } = options;
  const validFrom = await dbNow(tx);
  const itemIds: string[] = [];
  for (let i = 0; i < options.items.length; i += 1000) {
    const chunk = options.items.slice(i, i + 1000).map((item) => {
      const itemId = newItemId();
      itemIds.push(itemId);
      return {
        projectId, datasetId, itemId, version: 1,
        input: item.input as Prisma.InputJsonValue,
        expectedOutput: nullableJson(item.expectedOutput),
        metadata: nullableJson(item.metadata),
        contexts: nullableJson(item.contexts),
        source: item.source,
        sourceTraceId: item.sourceTraceId ?? null,
        sourceSpanId: item.sourceSpanId ?? null,
        createdById: userId,
        validFrom,
      };
    });
    await tx.datasetItem.createMany({ data: chunk });
  }
  if (itemIds.length) await touchDataset({ tx, projectId, datasetId });
  return itemIds;
}

/**
 * The database clock at millisecond precision: validFrom/validTo round-trip exactly through
 * JS Dates and ISO strings, so `?at=<a version's validFrom>` returns that version.
 */
async function dbNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`select date_trunc('milliseconds', clock_timestamp()) as now`;
  return row!.now;
}
