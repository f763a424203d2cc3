import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { publishPromptVersion } from "@/lib/prompts/publish-prompt-version";
import { promptListQuery, publicCreatePromptBody } from "@/lib/schemas/prompts";

// GET /api/public/prompts – the project's prompts with their labels (secret key)
export const GET = withApiKey({ scope: "secret", query: promptListQuery }, async ({ key, query }) => {
  const prompts = await listPrompts({ projectId: key.projectId, q: query.q });
  return json({
    prompts: prompts.map((p) => ({ name: p.name, type: p.type, latestVersion: p.latestVersion, labels: Object.fromEntries(p.labels.map((l) => [l.label, l.version])), tags: p.tags, updatedAt: p.lastChangeAt })),
  });
});

// POST /api/public/prompts – create a version from CI (201; 200 when equal to the latest); proposeFor opens a change request, never moving a protected label
export const POST = withApiKey({ scope: "secret", body: publicCreatePromptBody }, async ({ key, body }) => {
  const { proposeFor, ...input } = body;
  const result = await publishPromptVersion({ projectId: key.projectId, actor: { userId: null, apiKey: key.publicKey }, input, proposeFor });
  return json(result, result.created ? 201 : 200);
});
