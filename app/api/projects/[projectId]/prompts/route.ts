import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { createPromptVersionBody, promptListQuery } from "@/lib/schemas/prompts";

// GET /api/projects/[projectId]/prompts – prompts with their labels, latest version and last change
export const GET = withProject({ action: "prompts:read", query: promptListQuery }, async ({ project, query }) => json({ prompts: await listPrompts({ projectId: project.id, q: query.q }) }));

// POST /api/projects/[projectId]/prompts – save a version (creating the prompt on first save); 201, or 200 when identical to the latest
export const POST = withProject({ action: "prompts:propose", body: createPromptVersionBody }, async ({ project, user, body }) => {
  const result = await createPromptVersion({ project, actor: { userId: user.id }, input: body });
  return json(result, result.created ? 201 : 200);
});
