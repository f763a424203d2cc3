// DELETE /api/projects/[projectId]/api-keys/[apiKeyId] – revoke a key (it stops working at once)
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

export const DELETE = withProject({ action: "apiKeys:manage", params: routeParams("apiKeyId") }, async ({ project, user, params }) =>
  json({ apiKey: await revokeApiKey({ project, apiKeyId: params.apiKeyId, actorUserId: user.id }) }),
);
