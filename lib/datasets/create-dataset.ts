import type { z } from "zod";
import { db } from "../db";
import type { createDatasetBody } from "../schemas/datasets";
import { isUniqueViolation, nameTaken, serializeDataset, type Tx } from "./dataset-rows";

/** `tx` lets promote create the set in its own transaction, so a name clash leaves nothing behind. */
export async function createDataset(options: { projectId: string; userId: string | null; input: z.infer<typeof createDatasetBody>; tx?: Tx }) {
  const { projectId, input } = options;
  try {
    const d = await (options.tx ?? db).dataset.create({ data: { projectId, name: input.name, description: input.description || null, createdById: options.userId } });
    return serializeDataset(d, 0);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}
