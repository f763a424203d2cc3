import { addPairs } from "@/lib/annotation/add-pairs";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { addPairsBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/public/annotation-queues/{queueId}/pairs – add pairs → { pairIds }; one bad pair (named by index) stores none
export const POST = withApiKey({ scope: "secret", params: routeParams("queueId"), body: addPairsBody }, async ({ key, params, body }) =>
  json(await addPairs({ projectId: key.projectId, queueId: params.queueId, pairs: body.pairs, source: "api" }), 201),
);
