import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { renameProject } from "@/lib/projects/rename-project";
import { renameProjectBody } from "@/lib/schemas/projects";

// GET /api/projects/[projectId] – the project and the caller's role in it
export const GET = withProject({ action: "project:read" }, async ({ project, role }) => json({ project, role }));

// PATCH /api/projects/[projectId] – rename the project
export const PATCH = withProject({ action: "project:update", body: renameProjectBody }, async ({ project, user, body }) =>
  json({ project: await renameProject({ project, name: body.name, actorUserId: user.id }) }),
);
