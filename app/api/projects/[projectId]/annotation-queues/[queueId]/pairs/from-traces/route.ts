import { pairFromTraces } from "@/lib/annotation/pairs-from-sources";
import { requirePermission, withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { pairsFromTracesBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-traces – one pair from two traces with the same input (explorer "compare as a pair")
export const POST = withProject({ action: "annotation:manage", params: routeParams("queueId"), body: pairsFromTracesBody }, async ({ project, role, params, body }) => {
  requirePermission(role, "traces:read");
  return json(await pairFromTraces({ projectId: project.id, queueId: params.queueId, traceIds: body.traceIds }), 201);
});
