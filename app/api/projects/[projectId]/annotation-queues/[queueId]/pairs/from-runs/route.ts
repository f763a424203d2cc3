import { pairsFromRuns } from "@/lib/annotation/pairs-from-sources";
import { requirePermission, withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { pairsFromRunsBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/pairs/from-runs – pairs from a run comparison (baseline = A), with run ids and prompt versions
export const POST = withProject({ action: "annotation:manage", params: routeParams("queueId"), body: pairsFromRunsBody }, async ({ project, role, params, body }) => {
  requirePermission(role, "runs:read");
  return json(await pairsFromRuns({ projectId: project.id, queueId: params.queueId, runIds: body.runIds }), 201);
});
