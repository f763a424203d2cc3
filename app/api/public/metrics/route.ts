// GET /api/public/metrics – the dashboard metrics for the key's project, for teams pulling numbers into their own tools
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { queryMetrics } from "@/lib/metrics/query-metrics";
import { metricsQuery } from "@/lib/schemas/metrics";

export const GET = withApiKey({ scope: "secret", query: metricsQuery }, async ({ key, query }) => json(await queryMetrics({ projectId: key.projectId, query })));
