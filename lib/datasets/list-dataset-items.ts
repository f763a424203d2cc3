import { decodeTimeCursor, encodeTimeCursor, PG_TIME_TEXT } from "../cursor";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { requireDataset } from "./dataset-rows";
import { type DatasetItemRow, usersById } from "./item-versions";

/**
 * The items of a dataset as of `at` (validFrom <= at < validTo), or the current versions,
 * oldest item first (by when its first version was added, then item id), one keyset page at
 * a time. The cursor carries that first version's instant as exact µs text and the item id.
 */
export async function listDatasetItems(options: { projectId: string; datasetId: string; at?: Date; limit?: number; cursor?: string; withTotal?: boolean }) {
  const { projectId, datasetId, at } = options;
  await requireDataset({ projectId, datasetId });
  const limit = options.limit ?? 200;
  const valid = at ? Prisma.sql`i.valid_from <= ${at} and (i.valid_to is null or i.valid_to > ${at})` : Prisma.sql`i.valid_to is null`;
  const after = options.cursor ? itemsAfter(options.cursor) : Prisma.sql`true`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<(DatasetItemRow & { cursorTime: string })[]>`
      select i.id, i.item_id as "itemId", i.version, i.input, i.expected_output as "expectedOutput", i.metadata, i.contexts, i.source,
             i.source_trace_id as "sourceTraceId", i.source_span_id as "sourceSpanId", i.created_by_id as "createdById",
             i.valid_from as "validFrom", i.valid_to as "validTo", f.valid_from as "createdAt", f.created_by_id as "promotedById",
             ${Prisma.raw(PG_TIME_TEXT("f.valid_from"))} as "cursorTime"
      from dataset_items i
      join lateral (
        select valid_from, created_by_id from dataset_items f
        where f.project_id = i.project_id and f.dataset_id = i.dataset_id and f.item_id = i.item_id
        order by f.version asc limit 1
      ) f on true
      where i.project_id = ${projectId} and i.dataset_id = ${datasetId} and ${valid} and ${after}
      order by f.valid_from asc, i.item_id asc
      limit ${limit + 1}`,
    options.withTotal === false
      ? Promise.resolve([])
      : db.$queryRaw<{ total: number }[]>`select count(*)::int as total from dataset_items i where i.project_id = ${projectId} and i.dataset_id = ${datasetId} and ${valid}`,
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeTimeCursor(last.cursorTime, last.itemId) : null;
  const items: DatasetItemRow[] = page.map(({ cursorTime: _, ...item }) => item);
  return { items, nextCursor, total: count?.total ?? null, at: at ?? null, users: await usersById(items.flatMap((i) => [i.createdById, i.promotedById])) };
}

function itemsAfter(cursor: string): Prisma.Sql {
  const { time, id } = decodeTimeCursor(cursor);
  return Prisma.sql`(f.valid_from, i.item_id) > (${time}::timestamptz, ${id})`;
}
