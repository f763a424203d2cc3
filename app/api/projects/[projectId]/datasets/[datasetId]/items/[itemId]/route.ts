import { withProject } from "@/lib/auth/with-project";
import { deleteDatasetItem } from "@/lib/datasets/delete-dataset-item";
import { editDatasetItem } from "@/lib/datasets/edit-dataset-item";
import { json } from "@/lib/http";
import { updateItemBody } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// PATCH /api/projects/[projectId]/datasets/[datasetId]/items/[itemId] – edit = close the current version, add version+1
export const PATCH = withProject({ action: "datasets:update", body: updateItemBody, params: routeParams("datasetId", "itemId") }, async ({ project, user, params, body }) => {
  const { baseVersion, ...changes } = body;
  return json(await editDatasetItem({ projectId: project.id, datasetId: params.datasetId, itemId: params.itemId, userId: user.id, baseVersion, changes }));
});

// DELETE /api/projects/[projectId]/datasets/[datasetId]/items/[itemId] – close the current version (history stays)
export const DELETE = withProject({ action: "datasets:update", params: routeParams("datasetId", "itemId") }, async ({ project, params }) =>
  json(await deleteDatasetItem({ projectId: project.id, datasetId: params.datasetId, itemId: params.itemId })),
);
