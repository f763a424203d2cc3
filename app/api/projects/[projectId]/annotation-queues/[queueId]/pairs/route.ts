import { addPairs } from "@/lib/annotation/add-pairs";
import { listPairs } from "@/lib/annotation/list-pairs";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { addPairsBody, listPairsQuery } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/annotation-queues/[queueId]/pairs – pairs with judgment counts, gold and final labels (leads)
export const GET = withProject({ action: "annotation:manage", params: routeParams("queueId"), query: listPairsQuery }, async ({ project, params, query }) =>
  json(await listPairs({ projectId: project.id, queueId: params.queueId, ...query })),
);

// POST /api/projects/[projectId]/annotation-queues/[queueId]/pairs – add pairs; one bad pair (by index) stores none
export const POST = withProject({ action: "annotation:manage", params: routeParams("queueId"), body: addPairsBody }, async ({ project, params, body }) =>
  json(await addPairs({ projectId: project.id, queueId: params.queueId, pairs: body.pairs, source: "api" }), 201),
);
