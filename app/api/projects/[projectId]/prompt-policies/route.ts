import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deletePromptPolicy } from "@/lib/prompts/delete-prompt-policy";
import { listPromptPolicies } from "@/lib/prompts/list-prompt-policies";
import { updatePromptPolicy } from "@/lib/prompts/update-prompt-policy";
import { deletePolicyQuery, putPolicyBody } from "@/lib/schemas/prompts";

// GET /api/projects/[projectId]/prompt-policies – the project-wide default policy of each label
export const GET = withProject({ action: "prompts:read" }, async ({ project }) => json({ policies: await listPromptPolicies({ projectId: project.id, promptId: "" }) }));

// PUT /api/projects/[projectId]/prompt-policies – set a label's project default policy (audited)
export const PUT = withProject({ action: "prompts:configure", body: putPolicyBody }, async ({ project, user, body }) => {
  const { label, ...policy } = body;
  return json(await updatePromptPolicy({ project, actor: { userId: user.id }, promptId: "", label, policy }));
});

// DELETE /api/projects/[projectId]/prompt-policies?label=production – back to the built-in default (audited)
export const DELETE = withProject({ action: "prompts:configure", query: deletePolicyQuery }, async ({ project, user, query }) =>
  json(await deletePromptPolicy({ project, actor: { userId: user.id }, promptId: "", label: query.label })),
);
