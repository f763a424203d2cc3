import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { reviewChangeRequest } from "@/lib/prompts/review-change-request";
import { reviewBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/reviews – approve, request changes or comment (the policy decides who may approve)
export const POST = withProject({ action: "prompts:review", params: routeParams("promptId", "changeRequestId"), body: reviewBody }, async ({ project, user, params, body }) =>
  json(await reviewChangeRequest({ project, userId: user.id, promptId: params.promptId, changeRequestId: params.changeRequestId, verdict: body.verdict, body: body.body }), 201),
);
