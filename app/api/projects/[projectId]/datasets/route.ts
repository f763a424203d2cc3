import { withProject } from "@/lib/auth/with-project";
import { createDatasetFromRequest } from "@/lib/datasets/create-dataset-via-api";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { json } from "@/lib/http";
import { createDatasetRequest } from "@/lib/schemas/datasets";

// GET /api/projects/[projectId]/datasets – golden sets with their current item counts
export const GET = withProject({ action: "datasets:read" }, async ({ project }) => json({ datasets: await listDatasets({ projectId: project.id }) }));

// POST /api/projects/[projectId]/datasets – create a golden set (name unique per project → 409); template "red-team" imports the shipped set (idempotent)
export const POST = withProject({ action: "datasets:update", body: createDatasetRequest }, async ({ project, user, body }) => {
  const r = await createDatasetFromRequest({ projectId: project.id, userId: user.id, input: body });
  return json(r.body, r.status);
});
