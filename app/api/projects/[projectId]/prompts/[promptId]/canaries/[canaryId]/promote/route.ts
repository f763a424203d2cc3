import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { promoteCanary } from "@/lib/prompts/promote-canary";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/promote – move the label to the canary version under the label's policy (200 promoted, 202 awaiting approval)
export const POST = withProject({ action: "prompts:propose", params: routeParams("promptId", "canaryId") }, async ({ project, user, params }) => {
  const result = await promoteCanary({ project, userId: user.id, promptId: params.promptId, canaryId: params.canaryId });
  return json(result, result.promoted ? 200 : 202);
});
