import { listDisagreements } from "@/lib/annotation/list-disagreements";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/annotation-queues/[queueId]/disagreements – disputed (and adjudicated) pairs with every judgment and rationale
export const GET = withProject({ action: "annotation:manage", params: routeParams("queueId") }, async ({ project, params }) =>
  json(await listDisagreements({ projectId: project.id, queueId: params.queueId })),
);
