// GET /api/public/traces/[traceId] – one trace with its spans, usage, cost and scores
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getTrace } from "@/lib/traces/get-trace";

export const GET = withApiKey({ scope: "secret" }, async ({ key, params }) => json(await getTrace(key.projectId, String(params.traceId))));
