import { z } from "zod";
import { withApiKey } from "@/lib/auth/with-api-key";
import { deleteGuardPolicy } from "@/lib/guard/delete-guard-policy";
import { getGuardPolicy } from "@/lib/guard/get-guard-policy";
import { putGuardPolicy } from "@/lib/guard/save-guard-policy";
import { json } from "@/lib/http";
import { getKeyProject } from "@/lib/projects/get-key-project";
import { guardPolicyName, putGuardPolicyBody } from "@/lib/schemas/guard";
import { nameSegment } from "@/lib/schemas/route-params";

const params = z.object({ name: nameSegment.pipe(guardPolicyName) });

// GET /api/public/guard/policies/{name} – one guard policy
export const GET = withApiKey({ scope: "secret", params }, async ({ key, params }) => json(await getGuardPolicy({ projectId: key.projectId, name: params.name })));

// PUT /api/public/guard/policies/{name} – create or replace the policy of that name (audited); isDefault makes it the default
export const PUT = withApiKey({ scope: "secret", params, body: putGuardPolicyBody }, async ({ key, params, body }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  const { policy, created } = await putGuardPolicy({ project, actor: { apiKeyId: key.apiKeyId }, name: params.name, input: body });
  return json(policy, created ? 201 : 200);
});

// DELETE /api/public/guard/policies/{name} – delete a saved policy (audited); the built-in "default" cannot be deleted
export const DELETE = withApiKey({ scope: "secret", params }, async ({ key, params }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  return json(await deleteGuardPolicy({ project, actor: { apiKeyId: key.apiKeyId }, name: params.name }));
});
