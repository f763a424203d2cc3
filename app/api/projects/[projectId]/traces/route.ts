import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listTracesQuery } from "@/lib/schemas/traces";
import { listTraceSummaries } from "@/lib/traces/list-trace-summaries";

// GET /api/projects/[projectId]/traces – the explorer's trace list: filters, search, sort, keyset `cursor`
export const GET = withProject({ action: "traces:read", query: listTracesQuery }, async ({ project, query }) => json(await listTraceSummaries({ projectId: project.id, query })));
