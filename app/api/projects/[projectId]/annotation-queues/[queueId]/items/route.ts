import { addItems } from "@/lib/annotation/add-items";
import { requirePermission, withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { addItemsBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/items – traces into a single-item queue (their output is rated) → { pairIds }
export const POST = withProject({ action: "annotation:manage", params: routeParams("queueId"), body: addItemsBody }, async ({ project, role, params, body }) => {
  requirePermission(role, "traces:read");
  return json(await addItems({ projectId: project.id, queueId: params.queueId, traceIds: body.traceIds }), 201);
});
