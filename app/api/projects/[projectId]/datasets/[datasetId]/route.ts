import { withProject } from "@/lib/auth/with-project";
import { deleteDataset, getDataset, updateDataset } from "@/lib/datasets/manage-datasets";
import { json } from "@/lib/http";
import { updateDatasetBody } from "@/lib/schemas/datasets";

// GET /api/projects/[projectId]/datasets/[datasetId] – one golden set with its current item count
export const GET = withProject({ action: "datasets:read" }, async ({ project, params }) => json(await getDataset(project.id, String(params.datasetId))));

// PATCH /api/projects/[projectId]/datasets/[datasetId] – rename / describe
export const PATCH = withProject({ action: "datasets:update", body: updateDatasetBody }, async ({ project, params, body }) =>
  json(await updateDataset({ projectId: project.id, datasetId: String(params.datasetId), input: body })),
);

// DELETE /api/projects/[projectId]/datasets/[datasetId] – delete the set and all item versions
export const DELETE = withProject({ action: "datasets:update" }, async ({ project, params }) => {
  await deleteDataset(project.id, String(params.datasetId));
  return json({ deleted: true });
});
