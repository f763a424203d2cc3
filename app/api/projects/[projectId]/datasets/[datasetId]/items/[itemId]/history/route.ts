import { withProject } from "@/lib/auth/with-project";
import { getDatasetItemHistory } from "@/lib/datasets/get-dataset-item-history";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/history – every version, oldest first
export const GET = withProject({ action: "datasets:read", params: routeParams("datasetId", "itemId") }, async ({ project, params }) =>
  json(await getDatasetItemHistory({ projectId: project.id, datasetId: params.datasetId, itemId: params.itemId })),
);
