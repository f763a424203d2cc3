import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { traceFilterOptionsQuery } from "@/lib/schemas/traces";
import { traceFilterOptions } from "@/lib/traces/filter-options";

// GET /api/projects/[projectId]/traces/options – models, environments, prompts, releases, tags and names seen recently
export const GET = withProject({ action: "traces:read", query: traceFilterOptionsQuery }, async ({ project, query }) =>
  json(await traceFilterOptions(project.id, { days: query.days })),
);
