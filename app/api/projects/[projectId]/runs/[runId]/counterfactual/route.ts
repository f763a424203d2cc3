import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getCounterfactualReport } from "@/lib/runs/get-counterfactual-report";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/runs/[runId]/counterfactual – the counterfactual report: which term swaps changed the answer
export const GET = withProject({ action: "runs:read", params: routeParams("runId") }, async ({ project, params }) =>
  json(await getCounterfactualReport({ projectId: project.id, runId: params.runId })),
);
