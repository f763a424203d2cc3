import { requireKeyCreatorCan } from "@/lib/auth/key-creator-role";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getKeyProject } from "@/lib/projects/get-key-project";
import { getRetention } from "@/lib/retention/get-retention";
import { updateRetention } from "@/lib/retention/update-retention";
import { updateRetentionBody } from "@/lib/schemas/retention";

// GET /api/public/retention – the key's project's trace retention ({ days: null } = kept forever)
export const GET = withApiKey({ scope: "secret" }, async ({ key }) => json(await getRetention({ projectId: key.projectId })));

// PUT /api/public/retention – set it ({ days } or { days: null }); a key whose creator is an owner or admin (or a headless-init key); audited
export const PUT = withApiKey({ scope: "secret", body: updateRetentionBody }, async ({ key, body }) => {
  await requireKeyCreatorCan({ projectId: key.projectId, apiKeyId: key.apiKeyId, action: "retention:configure", what: "Changing retention deletes traces, which only owners and admins may" });
  const project = await getKeyProject({ projectId: key.projectId });
  return json(await updateRetention({ project, actor: { apiKeyId: key.apiKeyId }, days: body.days }));
});
