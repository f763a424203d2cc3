import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/** Shared by the dataset services in this folder; not a service itself. */
export type Tx = Prisma.TransactionClient;

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export function nameTaken(name: string) {
  return new AppError("CONFLICT", `A dataset named "${name}" already exists in this project; pick another name`);
}

/** The dataset, or 404: ids from another project are simply not found. */
export async function requireDataset(options: { projectId: string; datasetId: string; tx?: Tx }) {
  const { projectId, datasetId } = options;
  const dataset = await (options.tx ?? db).dataset.findUnique({ where: { projectId_id: { projectId, id: datasetId } } });
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset ${datasetId} not found`);
  return dataset;
}

/** The dataset of that name, or 404 (the public API addresses sets by name). */
export async function requireDatasetByName(options: { projectId: string; name: string; tx?: Tx }) {
  const { projectId, name } = options;
  const dataset = await (options.tx ?? db).dataset.findUnique({ where: { projectId_name: { projectId, name } } });
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset "${name}" not found`);
  return dataset;
}

/** Marks the dataset as changed (list order, "updated" column) inside an item write. */
export async function touchDataset(options: { tx: Tx; projectId: string; datasetId: string }) {
  const { projectId, datasetId } = options;
  await options.tx.dataset.update({ where: { projectId_id: { projectId, id: datasetId } }, data: { updatedAt: new Date() } });
}

/** How many items each dataset holds now (current versions only). */
export async function currentItemCounts(options: { projectId: string; datasetIds?: string[] }) {
  const { projectId, datasetIds } = options;
  const rows = await db.datasetItem.groupBy({
    by: ["datasetId"],
    where: { projectId, validTo: null, ...(datasetIds ? { datasetId: { in: datasetIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.datasetId, r._count._all]));
}

type DatasetRow = { id: string; name: string; description: string | null; createdById: string | null; createdAt: Date; updatedAt: Date };

export const serializeDataset = (d: DatasetRow, itemCount: number) => ({
  id: d.id, name: d.name, description: d.description, createdById: d.createdById, createdAt: d.createdAt, updatedAt: d.updatedAt, itemCount,
});
