import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deletePromptPolicy } from "@/lib/prompts/delete-prompt-policy";
import { listPromptPolicies } from "@/lib/prompts/list-prompt-policies";
import { updatePromptPolicy } from "@/lib/prompts/update-prompt-policy";
import { deletePolicyQuery, putPolicyBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("promptId");

// GET /api/projects/[projectId]/prompts/[promptId]/policies – the effective policy of each label (own, project default or built-in)
export const GET = withProject({ action: "prompts:read", params }, async ({ project, params }) => json({ policies: await listPromptPolicies({ projectId: project.id, promptId: params.promptId }) }));

// PUT /api/projects/[projectId]/prompts/[promptId]/policies – set one label's policy for this prompt (audited)
export const PUT = withProject({ action: "prompts:configure", params, body: putPolicyBody }, async ({ project, user, params, body }) => {
  const { label, ...policy } = body;
  return json(await updatePromptPolicy({ project, actor: { userId: user.id }, promptId: params.promptId, label, policy }));
});

// DELETE /api/projects/[projectId]/prompts/[promptId]/policies?label=production – back to the project default (audited)
export const DELETE = withProject({ action: "prompts:configure", params, query: deletePolicyQuery }, async ({ project, user, params, query }) =>
  json(await deletePromptPolicy({ project, actor: { userId: user.id }, promptId: params.promptId, label: query.label })),
);
