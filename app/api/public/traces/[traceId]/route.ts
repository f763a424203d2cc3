// GET /api/public/traces/[traceId] – one trace with its spans, usage, cost and scores
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getTrace } from "@/lib/traces/get-trace";
import { routeParams } from "@/lib/schemas/route-params";

export const GET = withApiKey({ scope: "secret", params: routeParams("traceId") }, async ({ key, params }) => json(await getTrace({ projectId: key.projectId, traceId: params.traceId })));
