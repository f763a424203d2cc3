// DELETE /api/projects/[projectId]/invites/[inviteId] – revoke an invite link
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { routeParams } from "@/lib/schemas/route-params";

export const DELETE = withProject({ action: "members:manage", params: routeParams("inviteId") }, async ({ project, user, role, orgRole, params }) => {
  await revokeInvite({ project, inviteId: params.inviteId, actor: { userId: user.id, role, orgRole } });
  return json({ ok: true });
});
