import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { rebaseChangeRequest } from "@/lib/prompts/rebase-change-request";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/rebase – re-open a stale request on the label's current version (approvals dropped)
export const POST = withProject({ action: "prompts:propose", params: routeParams("promptId", "changeRequestId") }, async ({ project, user, params }) =>
  json(await rebaseChangeRequest({ project, userId: user.id, promptId: params.promptId, changeRequestId: params.changeRequestId })),
);
