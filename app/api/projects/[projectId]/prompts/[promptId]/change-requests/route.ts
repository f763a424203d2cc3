import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listChangeRequests } from "@/lib/prompts/list-change-requests";
import { proposeLabelChange } from "@/lib/prompts/propose-label-change";
import { changeRequestListQuery, proposeBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("promptId");

// GET /api/projects/[projectId]/prompts/[promptId]/change-requests?status=open – change requests with their approval status
export const GET = withProject({ action: "prompts:read", params, query: changeRequestListQuery }, async ({ project, params, query }) =>
  json({ changeRequests: await listChangeRequests({ project, promptId: params.promptId, status: query.status }) }),
);

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests – propose a version for a label (201; 200 when the same request is already open)
export const POST = withProject({ action: "prompts:propose", params, body: proposeBody }, async ({ project, user, params, body }) => {
  const result = await proposeLabelChange({ project, actor: { userId: user.id }, promptId: params.promptId, label: body.label, version: body.version, description: body.description });
  return json(result, result.created ? 201 : 200);
});
