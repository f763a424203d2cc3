import { withProject } from "@/lib/auth/with-project";
import { deleteItem, editItem } from "@/lib/datasets/dataset-items";
import { json } from "@/lib/http";
import { updateItemBody } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// PATCH /api/projects/[projectId]/datasets/[datasetId]/items/[itemId] – edit = close the current version, add version+1
export const PATCH = withProject({ action: "datasets:update", body: updateItemBody, params: routeParams("datasetId", "itemId") }, async ({ project, user, params, body }) => {
  const { baseVersion, ...changes } = body;
  return json(await editItem({ projectId: project.id, datasetId: params.datasetId, itemId: params.itemId, userId: user.id, baseVersion, changes }));
});

// DELETE /api/projects/[projectId]/datasets/[datasetId]/items/[itemId] – close the current version (history stays)
export const DELETE = withProject({ action: "datasets:update", params: routeParams("datasetId", "itemId") }, async ({ project, params }) =>
  json(await deleteItem({ projectId: project.id, datasetId: params.datasetId, itemId: params.itemId })),
);
