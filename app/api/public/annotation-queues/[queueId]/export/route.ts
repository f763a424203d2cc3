import { exportJudgedPairs } from "@/lib/annotation/export-judged-pairs";
import { withApiKey } from "@/lib/auth/with-api-key";
import { attachment } from "@/lib/http";
import { exportQuery } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/public/annotation-queues/{queueId}/export?format=dpo|kto[&style=conversational&from=&to=&minAgreement=&includeUndesirable=] – decided pairs as TRL JSONL, streamed
export const GET = withApiKey({ scope: "secret", params: routeParams("queueId"), query: exportQuery }, async ({ key, params, query }) => {
  const file = await exportJudgedPairs({ projectId: key.projectId, queueId: params.queueId, options: query });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": attachment(file.filename) } });
});
