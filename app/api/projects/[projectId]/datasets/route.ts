import { withProject } from "@/lib/auth/with-project";
import { createDataset, listDatasets } from "@/lib/datasets/manage-datasets";
import { json } from "@/lib/http";
import { createDatasetBody } from "@/lib/schemas/datasets";

// GET /api/projects/[projectId]/datasets – golden sets with their current item counts
export const GET = withProject({ action: "datasets:read" }, async ({ project }) => json({ datasets: await listDatasets(project.id) }));

// POST /api/projects/[projectId]/datasets – create a golden set (name unique per project → 409)
export const POST = withProject({ action: "datasets:update", body: createDatasetBody }, async ({ project, user, body }) =>
  json(await createDataset({ projectId: project.id, userId: user.id, input: body }), 201),
);
