import { withProject } from "@/lib/auth/with-project";
import { createDataset } from "@/lib/datasets/create-dataset";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { json } from "@/lib/http";
import { createDatasetBody } from "@/lib/schemas/datasets";

// GET /api/projects/[projectId]/datasets – golden sets with their current item counts
export const GET = withProject({ action: "datasets:read" }, async ({ project }) => json({ datasets: await listDatasets({ projectId: project.id }) }));

// POST /api/projects/[projectId]/datasets – create a golden set (name unique per project → 409)
export const POST = withProject({ action: "datasets:update", body: createDatasetBody }, async ({ project, user, body }) =>
  json(await createDataset({ projectId: project.id, userId: user.id, input: body }), 201),
);
