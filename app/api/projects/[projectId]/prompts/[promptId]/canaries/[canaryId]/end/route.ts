import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { endCanary } from "@/lib/prompts/end-canary";
import { endCanaryBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId]/end – stop the canary (all calls get the main version again)
export const POST = withProject({ action: "prompts:propose", params: routeParams("promptId", "canaryId"), body: endCanaryBody }, async ({ project, user, params, body }) =>
  json(await endCanary({ project, userId: user.id, promptId: params.promptId, canaryId: params.canaryId, reason: body.reason })),
);
