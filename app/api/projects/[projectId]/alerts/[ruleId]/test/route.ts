// POST /api/projects/[projectId]/alerts/[ruleId]/test – send a test notification to the rule's webhook now
import { sendTestAlert } from "@/lib/alerts/send-test-alert";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

export const POST = withProject({ action: "alerts:manage", params: routeParams("ruleId") }, async ({ project, params }) => json(await sendTestAlert({ project, ruleId: params.ruleId })));
