import { queueStats } from "@/lib/annotation/queue-stats";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/annotation-queues/[queueId]/stats – agreement, gold accuracy, judgment times (leads)
export const GET = withProject({ action: "annotation:manage", params: routeParams("queueId") }, async ({ project, params }) =>
  json(await queueStats({ projectId: project.id, queueId: params.queueId })),
);
