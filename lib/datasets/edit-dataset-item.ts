import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { isUniqueViolation, requireDataset, touchDataset } from "./dataset-rows";
import { closeCurrentVersion, nullableJson } from "./item-versions";

/** An edit: in one transaction, close the current version and add version+1 valid from that instant. */
export async function editDatasetItem(options: {
  projectId: string;
  datasetId: string;
  itemId: string;
  userId: string;
  baseVersion?: number;
  changes: { input?: unknown; expectedOutput?: unknown; metadata?: Record<string, unknown> | null; contexts?: unknown };
}) {
  const { projectId, datasetId, itemId, changes } = options;
  try {
    return await db.$transaction(async (tx) => {
      await requireDataset({ projectId, datasetId, tx });
      const { row, closedAt } = await closeCurrentVersion({ tx, projectId, datasetId, itemId, baseVersion: options.baseVersion });
      const next = await tx.datasetItem.create({
        data: {
          projectId, datasetId, itemId, version: row.version + 1,
          input: (changes.input !== undefined ? changes.input : row.input) as Prisma.InputJsonValue,
          expectedOutput: nullableJson(changes.expectedOutput !== undefined ? changes.expectedOutput : row.expectedOutput),
          metadata: nullableJson(changes.metadata !== undefined ? changes.metadata : row.metadata),
          contexts: nullableJson(changes.contexts !== undefined ? changes.contexts : row.contexts),
          source: row.source, sourceTraceId: row.sourceTraceId, sourceSpanId: row.sourceSpanId,
          createdById: options.userId,
          validFrom: closedAt,
        },
      });
      await touchDataset({ tx, projectId, datasetId });
      const { projectId: _p, datasetId: _d, ...rest } = next;
      return rest;
    });
  } catch (error) {
    // Backstop: the unique (project, dataset, item, version) key refuses a second version N+1.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Item ${itemId} was edited concurrently; reload and try again`);
    throw error;
  }
}
