import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./dataset-rows";

/** One version of an item as the API returns it; createdAt/promotedById come from version 1. */
export type DatasetItemRow = {
  id: string;
  itemId: string;
  version: number;
  input: unknown;
  expectedOutput: unknown;
  metadata: Record<string, unknown> | null;
  contexts: unknown;
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
  contexts?: unknown;
  source: "trace" | "span" | "inbox" | "import" | "manual" | "api";
  sourceTraceId?: string | null;
  sourceSpanId?: string | null;
};

/** Absent or null → SQL NULL (so "no expected output" is one state, not two). */
export const nullableJson = (v: unknown) => (v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

/** Names for "promoted by"/"edited by" (users are global rows; only ids we hold are looked up). */
export async function usersById(ids: Array<string | null>) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return {};
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/**
 * Locks the current version and closes it at one instant (never before it began). A
 * concurrent edit that closed it first leaves nothing to lock here: that is a 409, not a
 * second version built on the same base.
 */
export async function closeCurrentVersion(options: { tx: Tx; projectId: string; datasetId: string; itemId: string; baseVersion?: number }) {
  const { tx, projectId, datasetId, itemId } = options;
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
