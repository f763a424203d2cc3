import { decodeTimeCursor, encodeTimeCursor, PG_TIME_TEXT } from "../cursor";
import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { newItemId } from "./item-id";
import { requireDataset, touchDataset } from "./manage-datasets";

type Tx = Prisma.TransactionClient;

/** One version of an item as the API returns it; createdAt/promotedById come from version 1. */
export type DatasetItemRow = {
  id: string;
  itemId: string;
  version: number;
  input: unknown;
  expectedOutput: unknown;
  metadata: Record<string, unknown> | null;
  source: string;
  sourceTraceId: string | null;
  sourceSpanId: string | null;
  createdById: string | null;
  validFrom: Date;
  validTo: Date | null;
  createdAt: Date;
  promotedById: string | null;
};

export type NewItem = {
  input: unknown;
  expectedOutput?: unknown;
  metadata?: Record<string, unknown> | null;
  source: "trace" | "span" | "inbox" | "import" | "manual";
  sourceTraceId?: string | null;
  sourceSpanId?: string | null;
};

/** Absent or null → SQL NULL (so "no expected output" is one state, not two). */
const nullableJson = (v: unknown) => (v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/**
 * The items of a dataset as of `at` (validFrom <= at < validTo), or the current versions,
 * oldest item first (by when its first version was added, then item id), one keyset page at
 * a time. The cursor carries that first version's instant as exact µs text and the item id.
 */
export async function listItems(options: { projectId: string; datasetId: string; at?: Date; limit?: number; cursor?: string; withTotal?: boolean }) {
  const { projectId, datasetId, at } = options;
  await requireDataset(projectId, datasetId);
  const limit = options.limit ?? 200;
  const valid = at ? Prisma.sql`i.valid_from <= ${at} and (i.valid_to is null or i.valid_to > ${at})` : Prisma.sql`i.valid_to is null`;
  const after = options.cursor ? itemsAfter(options.cursor) : Prisma.sql`true`;
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<(DatasetItemRow & { cursorTime: string })[]>`
      select i.id, i.item_id as "itemId", i.version, i.input, i.expected_output as "expectedOutput", i.metadata, i.source,
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

/** Names for "promoted by"/"edited by" (users are global rows; only ids we hold are looked up). */
export async function usersById(ids: Array<string | null>) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return {};
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/** Every version of one item, oldest first. */
export async function itemHistory(projectId: string, datasetId: string, itemId: string) {
  await requireDataset(projectId, datasetId);
  const versions = await db.datasetItem.findMany({ where: { projectId, datasetId, itemId }, orderBy: { version: "asc" } });
  if (!versions.length) throw new AppError("NOT_FOUND", `Item ${itemId} not found in dataset ${datasetId}`);
  return { itemId, versions: versions.map(({ projectId: _p, datasetId: _d, ...v }) => v), users: await usersById(versions.map((v) => v.createdById)) };
}

/** Inserts version 1 of new items (one statement per 1,000) inside the caller's transaction. */
export async function insertNewItems(tx: Tx, options: { projectId: string; datasetId: string; userId: string; items: NewItem[] }) {
  const { projectId, datasetId, userId } = options;
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
        source: item.source,
        sourceTraceId: item.sourceTraceId ?? null,
        sourceSpanId: item.sourceSpanId ?? null,
        createdById: userId,
        validFrom,
      };
    });
    await tx.datasetItem.createMany({ data: chunk });
  }
  if (itemIds.length) await touchDataset(tx, projectId, datasetId);
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

async function currentVersion(tx: Tx, projectId: string, datasetId: string, itemId: string) {
  return tx.datasetItem.findFirst({ where: { projectId, datasetId, itemId, validTo: null } });
}

/** A manual item (version 1). */
export async function addItem(options: { projectId: string; datasetId: string; userId: string; item: NewItem }) {
  const { projectId, datasetId } = options;
  return db.$transaction(async (tx) => {
    await requireDataset(projectId, datasetId, tx);
    const [itemId] = await insertNewItems(tx, { ...options, items: [options.item] });
    return (await currentVersion(tx, projectId, datasetId, itemId!))!;
  });
}

/**
 * Locks the current version and closes it at one instant (never before it began). A
 * concurrent edit that closed it first leaves nothing to lock here: that is a 409, not a
 * second version built on the same base.
 */
async function closeCurrent(tx: Tx, options: { projectId: string; datasetId: string; itemId: string; baseVersion?: number }) {
  const { projectId, datasetId, itemId } = options;
  const locked = await tx.$queryRaw<{ id: string; version: number }[]>`
    select id, version from dataset_items
    where project_id = ${projectId} and dataset_id = ${datasetId} and item_id = ${itemId} and valid_to is null
    for update`;
  const current = locked[0];
  if (!current) {
    const latest = await tx.datasetItem.findFirst({ where: { projectId, datasetId, itemId }, orderBy: { version: "desc" }, select: { version: true, validTo: true } });
    if (!latest) throw new AppError("NOT_FOUND", `Item ${itemId} not found in dataset ${datasetId}`);
    if (latest.validTo && options.baseVersion === undefined) throw new AppError("NOT_FOUND", `Item ${itemId} was deleted`);
    throw new AppError("CONFLICT", `Item ${itemId} changed while you were editing it (now version ${latest.version}${latest.validTo ? ", deleted" : ""}); reload and try again`);
  }
  if (options.baseVersion !== undefined && options.baseVersion !== current.version) {
    throw new AppError("CONFLICT", `Item ${itemId} is at version ${current.version}, not ${options.baseVersion}; reload and try again`);
  }
  const [closed] = await tx.$queryRaw<{ validTo: Date }[]>`
    update dataset_items set valid_to = greatest(date_trunc('milliseconds', clock_timestamp()), valid_from)
    where project_id = ${projectId} and id = ${current.id}
    returning valid_to as "validTo"`;
  return { row: (await tx.datasetItem.findUnique({ where: { projectId_id: { projectId, id: current.id } } }))!, closedAt: closed!.validTo };
}

/** An edit: in one transaction, close the current version and add version+1 valid from that instant. */
export async function editItem(options: {
  projectId: string;
  datasetId: string;
  itemId: string;
  userId: string;
  baseVersion?: number;
  changes: { input?: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null };
}) {
  const { projectId, datasetId, itemId, changes } = options;
  try {
    return await db.$transaction(async (tx) => {
      await requireDataset(projectId, datasetId, tx);
      const { row, closedAt } = await closeCurrent(tx, options);
      const next = await tx.datasetItem.create({
        data: {
          projectId, datasetId, itemId, version: row.version + 1,
          input: (changes.input !== undefined ? changes.input : row.input) as Prisma.InputJsonValue,
          expectedOutput: nullableJson(changes.expectedOutput !== undefined ? changes.expectedOutput : row.expectedOutput),
          metadata: nullableJson(changes.metadata !== undefined ? changes.metadata : row.metadata),
          source: row.source, sourceTraceId: row.sourceTraceId, sourceSpanId: row.sourceSpanId,
          createdById: options.userId,
          validFrom: closedAt,
        },
      });
      await touchDataset(tx, projectId, datasetId);
      const { projectId: _p, datasetId: _d, ...rest } = next;
      return rest;
    });
  } catch (error) {
    // Backstop: the unique (project, dataset, item, version) key refuses a second version N+1.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new AppError("CONFLICT", `Item ${itemId} was edited concurrently; reload and try again`);
    }
    throw error;
  }
}

/** Deleting closes the current version: snapshots before now still contain the item. */
export async function deleteItem(options: { projectId: string; datasetId: string; itemId: string }) {
  const { projectId, datasetId } = options;
  return db.$transaction(async (tx) => {
    await requireDataset(projectId, datasetId, tx);
    const { row, closedAt } = await closeCurrent(tx, options);
    await touchDataset(tx, projectId, datasetId);
    return { itemId: row.itemId, version: row.version, validTo: closedAt };
  });
}
