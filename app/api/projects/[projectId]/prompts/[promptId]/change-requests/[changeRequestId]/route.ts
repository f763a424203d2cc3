import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getChangeRequest } from "@/lib/prompts/get-change-request";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId] – the request, both versions for the diff, reviews, approval status
export const GET = withProject({ action: "prompts:read", params: routeParams("promptId", "changeRequestId") }, async ({ project, params }) =>
  json(await getChangeRequest({ project, promptId: params.promptId, changeRequestId: params.changeRequestId })),
);
