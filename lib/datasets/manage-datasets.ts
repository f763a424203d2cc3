import type { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { createDatasetBody, updateDatasetBody } from "../schemas/datasets";

type Tx = Prisma.TransactionClient;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export function nameTaken(name: string) {
  return new AppError("CONFLICT", `A dataset named "${name}" already exists in this project; pick another name`);
}

/** The dataset, or 404: ids from another project are simply not found. */
export async function requireDataset(projectId: string, datasetId: string, tx: Tx = db) {
  const dataset = await tx.dataset.findUnique({ where: { projectId_id: { projectId, id: datasetId } } });
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset ${datasetId} not found`);
  return dataset;
}

async function currentCounts(projectId: string, datasetIds?: string[]) {
  const rows = await db.datasetItem.groupBy({
    by: ["datasetId"],
    where: { projectId, validTo: null, ...(datasetIds ? { datasetId: { in: datasetIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.datasetId, r._count._all]));
}

type DatasetRow = { id: string; name: string; description: string | null; createdById: string | null; createdAt: Date; updatedAt: Date };
const serialize = (d: DatasetRow, itemCount: number) => ({
  id: d.id, name: d.name, description: d.description, createdById: d.createdById, createdAt: d.createdAt, updatedAt: d.updatedAt, itemCount,
});

/** Datasets of the project with how many items each holds now. */
export async function listDatasets(projectId: string) {
  const [datasets, counts] = await Promise.all([db.dataset.findMany({ where: { projectId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }] }), currentCounts(projectId)]);
  return datasets.map((d) => serialize(d, counts.get(d.id) ?? 0));
}

export async function getDataset(projectId: string, datasetId: string) {
  const dataset = await requireDataset(projectId, datasetId);
  const counts = await currentCounts(projectId, [datasetId]);
  return serialize(dataset, counts.get(datasetId) ?? 0);
}

export async function createDataset(options: { projectId: string; userId: string; input: z.infer<typeof createDatasetBody>; tx?: Tx }) {
  const { projectId, input } = options;
  try {
    const d = await (options.tx ?? db).dataset.create({ data: { projectId, name: input.name, description: input.description || null, createdById: options.userId } });
    return serialize(d, 0);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateDataset(options: { projectId: string; datasetId: string; input: z.infer<typeof updateDatasetBody> }) {
  const { projectId, datasetId, input } = options;
  await requireDataset(projectId, datasetId);
  try {
    await db.dataset.update({
      where: { projectId_id: { projectId, id: datasetId } },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description || null } : {}) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? "");
    throw error;
  }
  return getDataset(projectId, datasetId);
}

/** Deletes the dataset and every version of its items. */
export async function deleteDataset(projectId: string, datasetId: string) {
  const deleted = await db.dataset.deleteMany({ where: { projectId, id: datasetId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", `Dataset ${datasetId} not found`);
}

/** Marks the dataset as changed (list order, "updated" column) inside an item write. */
export async function touchDataset(tx: Tx, projectId: string, datasetId: string) {
  await tx.dataset.update({ where: { projectId_id: { projectId, id: datasetId } }, data: { updatedAt: new Date() } });
}
