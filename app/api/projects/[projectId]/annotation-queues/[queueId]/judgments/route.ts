import { submitJudgment } from "@/lib/annotation/submit-judgment";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { submitJudgmentBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/judgments – my verdict on a leased pair (pick in screen terms, stored as A/B)
export const POST = withProject({ action: "project:read", params: routeParams("queueId"), body: submitJudgmentBody }, async ({ project, user, role, params, body }) =>
  json(await submitJudgment({ projectId: project.id, queueId: params.queueId, userId: user.id, role, input: body }), 201),
);
