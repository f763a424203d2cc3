import { withProject } from "@/lib/auth/with-project";
import { deleteGuardPolicy } from "@/lib/guard/delete-guard-policy";
import { updateGuardPolicy } from "@/lib/guard/save-guard-policy";
import { json } from "@/lib/http";
import { saveGuardPolicyBody } from "@/lib/schemas/guard";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("policyId");

// PUT /api/projects/[projectId]/guard-policies/[policyId] – replace a saved guard policy whole, its name included (audited)
export const PUT = withProject({ action: "guard:configure", params, body: saveGuardPolicyBody }, async ({ project, user, params, body }) => {
  const { name, ...input } = body;
  return json(await updateGuardPolicy({ project, actor: { userId: user.id }, policyId: params.policyId, name, input }));
});

// DELETE /api/projects/[projectId]/guard-policies/[policyId] – delete a saved guard policy (audited)
export const DELETE = withProject({ action: "guard:configure", params }, async ({ project, user, params }) =>
  json(await deleteGuardPolicy({ project, actor: { userId: user.id }, policyId: params.policyId })),
);
