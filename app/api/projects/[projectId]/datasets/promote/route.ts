import { withProject } from "@/lib/auth/with-project";
import { promoteToDataset } from "@/lib/datasets/promote-to-dataset";
import { json } from "@/lib/http";
import { promoteBody } from "@/lib/schemas/datasets";

// POST /api/projects/[projectId]/datasets/promote – a trace/span/inbox item becomes a golden-set item, with provenance
export const POST = withProject({ action: "datasets:update", body: promoteBody }, async ({ project, user, body }) =>
  json(await promoteToDataset({ projectId: project.id, userId: user.id, input: body }), 201),
);
