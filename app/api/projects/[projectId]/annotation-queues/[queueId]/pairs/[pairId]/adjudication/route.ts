import { adjudicatePair } from "@/lib/annotation/adjudicate-pair";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { adjudicateBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// PUT /api/projects/[projectId]/annotation-queues/[queueId]/pairs/[pairId]/adjudication – a lead sets (null clears) the final label
export const PUT = withProject({ action: "annotation:manage", params: routeParams("queueId", "pairId"), body: adjudicateBody }, async ({ project, user, params, body }) =>
  json(await adjudicatePair({ project, userId: user.id, queueId: params.queueId, pairId: params.pairId, choice: body.choice, note: body.note })),
);
