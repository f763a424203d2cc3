import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getTrace } from "@/lib/traces/get-trace";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/traces/[traceId] – one trace with its spans (start order), usage, cost and scores
export const GET = withProject({ action: "traces:read", params: routeParams("traceId") }, async ({ project, params }) => json(await getTrace({ projectId: project.id, traceId: params.traceId })));
