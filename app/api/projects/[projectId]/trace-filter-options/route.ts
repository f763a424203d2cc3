import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { traceFilterOptionsQuery } from "@/lib/schemas/traces";
import { traceFilterOptions } from "@/lib/traces/filter-options";

// GET /api/projects/[projectId]/trace-filter-options – models, environments, prompts, releases, tags and names seen recently
// (not under traces/, where a static "options" segment would shadow the trace whose id is "options")
export const GET = withProject({ action: "traces:read", query: traceFilterOptionsQuery }, async ({ project, query }) =>
  json(await traceFilterOptions({ projectId: project.id, days: query.days })),
);
