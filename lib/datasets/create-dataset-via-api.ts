import type { z } from "zod";
import { AppError } from "../errors";
import type { createDatasetBody, createDatasetRequest } from "../schemas/datasets";
import { createDataset } from "./create-dataset";
import { requireDatasetByName } from "./dataset-rows";
import { importRedTeamSet } from "./import-red-team-set";

/**
 * POST …/datasets on either surface: a template import answers 201 when it created the set, 200
 * when the set existed (added may be 0: idempotent); a plain create is createDatasetViaApi's.
 */
export async function createDatasetFromRequest(options: { projectId: string; userId: string | null; input: z.infer<typeof createDatasetRequest>; conflictDetails?: boolean }) {
  const { projectId, input } = options;
  if (input.template) {
    const r = await importRedTeamSet({ projectId, userId: options.userId, name: input.name, description: input.description });
    return { status: r.created ? 201 : 200, body: { id: r.id, name: r.name, template: { name: input.template, version: r.version, added: r.added, alreadyPresent: r.alreadyPresent } } };
  }
  if (!options.conflictDetails) return { status: 201, body: await createDataset({ projectId, userId: options.userId, input: { name: input.name, description: input.description } }) };
  return { status: 201, body: await createDatasetViaApi({ projectId, input: { name: input.name, description: input.description } }) };
}

/**
 * POST /api/public/datasets. A taken name is a 409, not an idempotent success: a CI job that
 * meant a different set must hear about it. The 409 carries the existing set's id in
 * `error.details.id`, so a sync script can go on with it without another request.
 */
export async function createDatasetViaApi(options: { projectId: string; input: z.infer<typeof createDatasetBody> }) {
  const { projectId, input } = options;
  try {
    const d = await createDataset({ projectId, userId: null, input });
    return { id: d.id, name: d.name };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
    const existing = await requireDatasetByName({ projectId, name: input.name });
    throw new AppError("CONFLICT", error.message, { id: existing.id, name: existing.name });
  }
}
