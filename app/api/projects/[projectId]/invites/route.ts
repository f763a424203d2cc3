import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createInvite } from "@/lib/invites/create-invite";
import { listInvites } from "@/lib/invites/list-invites";
import { createInviteBody } from "@/lib/schemas/members";

// GET /api/projects/[projectId]/invites – open invite links of the org
export const GET = withProject({ action: "members:manage" }, async ({ project, user, role, orgRole }) =>
  json({ invites: await listInvites({ project, actor: { userId: user.id, role, orgRole } }) }),
);

// POST /api/projects/[projectId]/invites – create an expiring invite link with a role
export const POST = withProject({ action: "members:manage", body: createInviteBody }, async ({ project, user, role, orgRole, body }) =>
  json(await createInvite({ project, actor: { userId: user.id, role, orgRole }, role: body.role, email: body.email }), 201),
);
