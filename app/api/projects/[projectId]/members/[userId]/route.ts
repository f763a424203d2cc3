import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { removeMember } from "@/lib/members/remove-member";
import { updateMember } from "@/lib/members/update-member";
import { updateMemberBody } from "@/lib/schemas/members";
import { routeParams } from "@/lib/schemas/route-params";

// PATCH /api/projects/[projectId]/members/[userId] – change org role and/or project override
export const PATCH = withProject({ action: "members:manage", body: updateMemberBody, params: routeParams("userId") }, async ({ project, user, role, orgRole, body, params }) => {
  await updateMember({ project, actor: { userId: user.id, role, orgRole }, userId: params.userId, ...body });
  return json({ ok: true });
});

// DELETE /api/projects/[projectId]/members/[userId] – remove the member from the org
export const DELETE = withProject({ action: "members:manage", params: routeParams("userId") }, async ({ project, user, role, orgRole, params }) => {
  await removeMember({ project, actor: { userId: user.id, role, orgRole }, userId: params.userId });
  return json({ ok: true });
});
