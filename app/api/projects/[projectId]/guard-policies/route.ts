import { withProject } from "@/lib/auth/with-project";
import { listGuardPolicies } from "@/lib/guard/list-guard-policies";
import { createGuardPolicy } from "@/lib/guard/save-guard-policy";
import { json } from "@/lib/http";
import { saveGuardPolicyBody } from "@/lib/schemas/guard";

// GET /api/projects/[projectId]/guard-policies – the project's guard policies, default first (the built-in "default" until one of that name is saved)
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json({ policies: await listGuardPolicies({ projectId: project.id }) }));

// POST /api/projects/[projectId]/guard-policies – add a guard policy (409 when the name is taken; audited)
export const POST = withProject({ action: "guard:configure", body: saveGuardPolicyBody }, async ({ project, user, body }) => {
  const { name, ...input } = body;
  return json(await createGuardPolicy({ project, actor: { userId: user.id }, name, input }), 201);
});
