import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { overrideRunGate } from "@/lib/prompts/override-run-gate";
import { gateOverrideBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/gate-override – lift the run gate with a reason (owners/admins; audited)
export const POST = withProject({ action: "prompts:propose", params: routeParams("promptId", "changeRequestId"), body: gateOverrideBody }, async ({ project, user, params, body }) =>
  json(await overrideRunGate({ project, userId: user.id, promptId: params.promptId, changeRequestId: params.changeRequestId, reason: body.reason })),
);
