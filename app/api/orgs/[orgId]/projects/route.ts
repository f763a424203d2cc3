// POST /api/orgs/[orgId]/projects – create a project in the org (owner/admin)
import { withOrg } from "@/lib/auth/with-org";
import { json } from "@/lib/http";
import { createProject } from "@/lib/projects/create-project";
import { createProjectBody } from "@/lib/schemas/projects";

export const POST = withOrg({ action: "project:create", body: createProjectBody }, async ({ org, user, body }) =>
  json(await createProject({ orgId: org.id, name: body.name, actorUserId: user.id }), 201),
);
