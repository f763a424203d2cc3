import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { cancelRun } from "@/lib/runs/cancel-run";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/runs/[runId]/cancel – stop claiming new items; in-flight calls may finish (409 when already finished)
export const POST = withProject({ action: "runs:start", params: routeParams("runId") }, async ({ project, params }) =>
  json(await cancelRun({ projectId: project.id, runId: params.runId })),
);
