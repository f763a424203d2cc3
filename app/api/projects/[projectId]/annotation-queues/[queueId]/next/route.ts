import { claimNextPair } from "@/lib/annotation/claim-next-pair";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { nextPairBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/next – lease the next pair for me (not one in `exclude`) → { pair | null, progress }
export const POST = withProject({ action: "project:read", params: routeParams("queueId"), body: nextPairBody }, async ({ project, user, role, params, body }) =>
  json(await claimNextPair({ projectId: project.id, queueId: params.queueId, userId: user.id, role, exclude: body.exclude })),
);
