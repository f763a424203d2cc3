import { importJudgments } from "@/lib/annotation/import-judgments";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { importJudgmentsBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/public/annotation-queues/{queueId}/judgments – import labels made elsewhere (annotator: a member's email) → { judgmentIds }
export const POST = withApiKey({ scope: "secret", params: routeParams("queueId"), body: importJudgmentsBody }, async ({ key, params, body }) =>
  json(await importJudgments({ projectId: key.projectId, queueId: params.queueId, judgments: body.judgments }), 201),
);
