import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getRun } from "@/lib/runs/get-run";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/runs/[runId] – one run: config, progress (done/total, failures, cost, ETA), summary
export const GET = withProject({ action: "runs:read", params: routeParams("runId") }, async ({ project, params }) =>
  json(await getRun({ projectId: project.id, runId: params.runId })),
);
