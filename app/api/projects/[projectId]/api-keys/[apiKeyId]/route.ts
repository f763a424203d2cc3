// DELETE /api/projects/[projectId]/api-keys/[apiKeyId] – revoke a key (it stops working at once)
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";

export const DELETE = withProject({ action: "apiKeys:manage" }, async ({ project, user, params }) =>
  json({ apiKey: await revokeApiKey({ project, apiKeyId: String(params.apiKeyId), actorUserId: user.id }) }),
);
