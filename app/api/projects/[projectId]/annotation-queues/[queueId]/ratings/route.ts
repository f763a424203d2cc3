import { rateItem } from "@/lib/annotation/rate-item";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { rateItemBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/ratings – my rating of a leased item → scores (source annotation) on its trace
export const POST = withProject({ action: "project:read", params: routeParams("queueId"), body: rateItemBody }, async ({ project, user, role, params, body }) =>
  json(await rateItem({ projectId: project.id, queueId: params.queueId, userId: user.id, role, input: body }), 201),
);
