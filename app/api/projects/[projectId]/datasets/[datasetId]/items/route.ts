import { withProject } from "@/lib/auth/with-project";
import { addDatasetItem } from "@/lib/datasets/add-dataset-item";
import { listDatasetItems } from "@/lib/datasets/list-dataset-items";
import { json } from "@/lib/http";
import { createItemBody, listItemsQuery } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/datasets/[datasetId]/items – current items, or the snapshot ?at=<ISO>, a keyset page at a time (?cursor=, ?limit=)
export const GET = withProject({ action: "datasets:read", query: listItemsQuery, params: routeParams("datasetId") }, async ({ project, params, query }) =>
  json(await listDatasetItems({ projectId: project.id, datasetId: params.datasetId, at: query.at, limit: query.limit, cursor: query.cursor })),
);

// POST /api/projects/[projectId]/datasets/[datasetId]/items – add a manual item (version 1)
export const POST = withProject({ action: "datasets:update", body: createItemBody, params: routeParams("datasetId") }, async ({ project, user, params, body }) => {
  const { projectId: _p, datasetId: _d, ...item } = await addDatasetItem({ projectId: project.id, datasetId: params.datasetId, userId: user.id, item: { ...body, source: "manual" } });
  return json(item, 201);
});
