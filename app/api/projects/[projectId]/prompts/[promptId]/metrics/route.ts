import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getPromptMetrics } from "@/lib/prompts/get-prompt-metrics";
import { promptMetricsQuery } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/prompts/[promptId]/metrics?from=&to= – calls, error rate, p95, cost, thumbs-up rate per version, with explorer links
export const GET = withProject({ action: "prompts:read", params: routeParams("promptId"), query: promptMetricsQuery }, async ({ project, params, query }) =>
  json(await getPromptMetrics({ projectId: project.id, promptId: params.promptId, from: query.from, to: query.to })),
);
