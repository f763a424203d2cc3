import { queueStats } from "@/lib/annotation/queue-stats";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/public/annotation-queues/{queueId}/stats – kappa per annotator pair, alpha, agreement with majority, gold accuracy
export const GET = withApiKey({ scope: "secret", params: routeParams("queueId") }, async ({ key, params }) => {
  const { durationsMs: _durations, ...stats } = await queueStats({ projectId: key.projectId, queueId: params.queueId });
  return json(stats);
});
