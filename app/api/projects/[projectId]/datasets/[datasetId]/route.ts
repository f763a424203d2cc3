import { withProject } from "@/lib/auth/with-project";
import { deleteDataset } from "@/lib/datasets/delete-dataset";
import { getDataset } from "@/lib/datasets/get-dataset";
import { updateDataset } from "@/lib/datasets/update-dataset";
import { json } from "@/lib/http";
import { updateDatasetBody } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/datasets/[datasetId] – one golden set with its current item count
export const GET = withProject({ action: "datasets:read", params: routeParams("datasetId") }, async ({ project, params }) => json(await getDataset({ projectId: project.id, datasetId: params.datasetId })));

// PATCH /api/projects/[projectId]/datasets/[datasetId] – rename / describe
export const PATCH = withProject({ action: "datasets:update", body: updateDatasetBody, params: routeParams("datasetId") }, async ({ project, params, body }) =>
  json(await updateDataset({ projectId: project.id, datasetId: params.datasetId, input: body })),
);

// DELETE /api/projects/[projectId]/datasets/[datasetId] – delete the set and all item versions
export const DELETE = withProject({ action: "datasets:update", params: routeParams("datasetId") }, async ({ project, params }) => {
  await deleteDataset({ projectId: project.id, datasetId: params.datasetId });
  return json({ deleted: true });
});
