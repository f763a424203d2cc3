import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { deleteGuardPolicy } from "@/lib/guard/delete-guard-policy";
import { putGuardPolicy } from "@/lib/guard/put-guard-policy";
import { json } from "@/lib/http";
import { guardPolicyName, putGuardPolicyBody } from "@/lib/schemas/guard";
import { nameSegment } from "@/lib/schemas/route-params";

const params = z.object({ name: nameSegment.pipe(guardPolicyName) });

// PUT /api/projects/[projectId]/guard-policies/[name] – create or replace a guard policy (audited)
export const PUT = withProject({ action: "guard:configure", params, body: putGuardPolicyBody }, async ({ project, user, params, body }) => {
  const { policy, created } = await putGuardPolicy({ project, actor: { userId: user.id }, name: params.name, input: body });
  return json(policy, created ? 201 : 200);
});

// DELETE /api/projects/[projectId]/guard-policies/[name] – delete a saved guard policy (audited)
export const DELETE = withProject({ action: "guard:configure", params }, async ({ project, user, params }) =>
  json(await deleteGuardPolicy({ project, actor: { userId: user.id }, name: params.name })),
);
