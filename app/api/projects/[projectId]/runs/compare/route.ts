import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { compareRuns } from "@/lib/runs/compare-runs";
import { compareRunsQuery } from "@/lib/schemas/runs";

// GET /api/projects/[projectId]/runs/compare?ids=a,b[,c] – runs of one golden set item by item, regressions first, with paired tests
export const GET = withProject({ action: "runs:read", query: compareRunsQuery }, async ({ project, query }) =>
  json(await compareRuns({ projectId: project.id, ids: query.ids })),
);
