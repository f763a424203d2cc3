import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { getPublicRun } from "@/lib/runs/get-public-run";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/public/runs/{id} – { status, progress: { done, total, failed }, summary, passed } for CI to poll; another project's id → 404
export const GET = withApiKey({ scope: "secret", params: routeParams("runId") }, async ({ key, params }) =>
  json(await getPublicRun({ projectId: key.projectId, runId: params.runId })),
);
