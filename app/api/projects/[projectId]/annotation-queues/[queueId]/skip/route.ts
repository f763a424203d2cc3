import { skipPair } from "@/lib/annotation/skip-pair";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { pairIdBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/skip – pass on my leased pair; it never comes back to me
export const POST = withProject({ action: "project:read", params: routeParams("queueId"), body: pairIdBody }, async ({ project, user, role, params, body }) =>
  json(await skipPair({ projectId: project.id, queueId: params.queueId, userId: user.id, role, pairId: body.pairId })),
);
