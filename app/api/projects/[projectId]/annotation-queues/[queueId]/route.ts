import { requireQueueView } from "@/lib/annotation/queue-access";
import { updateQueue } from "@/lib/annotation/update-queue";
import { can } from "@/lib/auth/permissions";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { updateQueueBody } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/annotation-queues/[queueId] – the queue (annotators: only one they are assigned to)
export const GET = withProject({ action: "project:read", params: routeParams("queueId") }, async ({ project, user, role, params }) => {
  const queue = await requireQueueView({ projectId: project.id, queueId: params.queueId, userId: user.id, role });
  return json({ ...queue, annotatorIds: can(role, "annotation:manage") ? queue.annotatorIds : undefined, assigned: queue.annotatorIds.includes(user.id) });
});

// PATCH /api/projects/[projectId]/annotation-queues/[queueId] – edit; `annotators` replaces the assigned set
export const PATCH = withProject({ action: "annotation:manage", params: routeParams("queueId"), body: updateQueueBody }, async ({ project, user, params, body }) =>
  json(await updateQueue({ project, userId: user.id, queueId: params.queueId, input: body })),
);
