import { withProject } from "@/lib/auth/with-project";
import { itemHistory } from "@/lib/datasets/dataset-items";
import { json } from "@/lib/http";

// GET /api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/history – every version, oldest first
export const GET = withProject({ action: "datasets:read" }, async ({ project, params }) =>
  json(await itemHistory(project.id, String(params.datasetId), String(params.itemId))),
);
