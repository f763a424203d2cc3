// GET /api/public/projects – the project a secret key belongs to (lets SDKs and CI check a key)
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getKeyProject } from "@/lib/projects/get-key-project";

export const GET = withApiKey({ scope: "secret" }, async ({ key }) =>
  json({ project: await getKeyProject({ projectId: key.projectId }), apiKey: { id: key.apiKeyId, publicKey: key.publicKey } }),
);
