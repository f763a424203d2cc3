// GET /api/projects/[projectId]/metrics – dashboard series, totals and breakdowns from the rollups
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { queryMetrics } from "@/lib/metrics/query-metrics";
import { metricsQuery } from "@/lib/schemas/metrics";

export const GET = withProject({ action: "dashboards:read", query: metricsQuery }, async ({ project, query }) => json(await queryMetrics({ projectId: project.id, query })));
