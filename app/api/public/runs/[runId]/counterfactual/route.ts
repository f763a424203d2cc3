import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getCounterfactualReport } from "@/lib/runs/get-counterfactual-report";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/public/runs/{id}/counterfactual – the run's counterfactual report (the swaps that changed the answer); another project's id → 404
export const GET = withApiKey({ scope: "secret", params: routeParams("runId") }, async ({ key, params }) =>
  json(await getCounterfactualReport({ projectId: key.projectId, runId: params.runId })),
);
