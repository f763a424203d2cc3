// GET /api/public/projects – the project a secret key belongs to (lets SDKs and CI check a key)
import { withApiKey } from "@/lib/auth/with-api-key";
import { db } from "@/lib/db";
import { json } from "@/lib/http";

export const GET = withApiKey({ scope: "secret" }, async ({ key }) => {
  const project = await db.project.findUniqueOrThrow({ where: { id: key.projectId }, select: { id: true, name: true, orgId: true } });
  return json({ project, apiKey: { id: key.apiKeyId, publicKey: key.publicKey } });
});
