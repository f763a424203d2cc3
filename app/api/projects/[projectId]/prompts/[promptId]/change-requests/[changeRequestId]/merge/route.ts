import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { mergeChangeRequest } from "@/lib/prompts/merge-change-request";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/merge – move the label when the policy holds (racing merges: one wins, the rest 409)
export const POST = withProject({ action: "prompts:review", params: routeParams("promptId", "changeRequestId") }, async ({ project, user, params }) =>
  json(await mergeChangeRequest({ project, userId: user.id, promptId: params.promptId, changeRequestId: params.changeRequestId })),
);
