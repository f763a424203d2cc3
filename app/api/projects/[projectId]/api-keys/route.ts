import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createApiKeyBody } from "@/lib/schemas/api-keys";

// GET /api/projects/[projectId]/api-keys – keys with last use; secrets are never returned
export const GET = withProject({ action: "apiKeys:read" }, async ({ project }) => json({ apiKeys: await listApiKeys({ projectId: project.id }) }));

// POST /api/projects/[projectId]/api-keys – create a key pair; the secret is in this response only
export const POST = withProject({ action: "apiKeys:manage", body: createApiKeyBody }, async ({ project, user, body }) =>
  json(await createApiKey({ project, note: body.note, actorUserId: user.id }), 201),
);
