import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { compareCanary } from "@/lib/prompts/compare-canary";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/prompts/[promptId]/canaries/[canaryId] – the canary page: canary vs main since it started, with p-values
export const GET = withProject({ action: "prompts:read", params: routeParams("promptId", "canaryId") }, async ({ project, params }) =>
  json(await compareCanary({ projectId: project.id, promptId: params.promptId, canaryId: params.canaryId })),
);
