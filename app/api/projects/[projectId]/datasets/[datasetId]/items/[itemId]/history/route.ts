import { withProject } from "@/lib/auth/with-project";
import { itemHistory } from "@/lib/datasets/dataset-items";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/history – every version, oldest first
export const GET = withProject({ action: "datasets:read", params: routeParams("datasetId", "itemId") }, async ({ project, params }) =>
  json(await itemHistory(project.id, params.datasetId, params.itemId)),
);
