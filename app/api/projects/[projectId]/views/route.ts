import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createSavedViewBody } from "@/lib/schemas/traces";
import { createSavedView } from "@/lib/saved-views/create-saved-view";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";

// GET /api/projects/[projectId]/views – the project's saved explorer views
export const GET = withProject({ action: "traces:read" }, async ({ project }) => json({ views: await listSavedViews({ projectId: project.id }) }));

// POST /api/projects/[projectId]/views – save the explorer's current query under a name (unique per project)
export const POST = withProject({ action: "views:manage", body: createSavedViewBody }, async ({ project, user, body }) =>
  json(await createSavedView({ project, actorUserId: user.id, ...body }), 201),
);
