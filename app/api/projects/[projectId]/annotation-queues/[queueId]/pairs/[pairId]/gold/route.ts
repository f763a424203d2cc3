import { markGold } from "@/lib/annotation/mark-gold";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { goldBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// PUT /api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/gold – mark (null unmarks) a pair's known answer
export const PUT = withProject({ action: "annotation:manage", params: routeParams("queueId", "pairId"), body: goldBody }, async ({ project, params, body }) =>
  json(await markGold({ projectId: project.id, queueId: params.queueId, pairId: params.pairId, choice: body.choice })),
);
