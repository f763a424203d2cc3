import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getRetention } from "@/lib/retention/get-retention";
import { updateRetention } from "@/lib/retention/update-retention";
import { updateRetentionBody } from "@/lib/schemas/retention";

// GET /api/projects/[projectId]/settings/retention – how many days traces are kept (null: forever), what the next pass deletes, the oldest trace
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json(await getRetention({ projectId: project.id })));

// PUT /api/projects/[projectId]/settings/retention – set it ({ days } or { days: null }); audited, applied by the worker within the hour
export const PUT = withProject({ action: "retention:configure", body: updateRetentionBody }, async ({ project, user, body }) =>
  json(await updateRetention({ project, actor: { userId: user.id }, days: body.days })),
);
