import { undoJudgment } from "@/lib/annotation/undo-judgment";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { undoBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/undo – take back my latest judgment → { pair, progress }
export const POST = withProject({ action: "project:read", params: routeParams("queueId"), body: undoBody }, async ({ project, user, role, params, body }) =>
  json(await undoJudgment({ projectId: project.id, queueId: params.queueId, userId: user.id, role, judgmentId: body.judgmentId })),
);
