import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listRunItems } from "@/lib/runs/list-run-items";
import { routeParams } from "@/lib/schemas/route-params";
import { runItemsQuery } from "@/lib/schemas/runs";

// GET /api/projects/[projectId]/runs/[runId]/items – a run's items in snapshot order, paged, optionally by status
export const GET = withProject({ action: "runs:read", params: routeParams("runId"), query: runItemsQuery }, async ({ project, params, query }) =>
  json(await listRunItems({ projectId: project.id, runId: params.runId, ...query })),
);
