import { createQueue } from "@/lib/annotation/create-queue";
import { listQueues } from "@/lib/annotation/list-queues";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createQueueBody } from "@/lib/schemas/annotation";

// GET /api/projects/[projectId]/annotation-queues – leads see every queue, annotators only theirs
export const GET = withProject({ action: "project:read" }, async ({ project, user, role }) => json(await listQueues({ projectId: project.id, userId: user.id, role })));

// POST /api/projects/[projectId]/annotation-queues – create a queue and assign annotators by email
export const POST = withProject({ action: "annotation:manage", body: createQueueBody }, async ({ project, user, body }) =>
  json(await createQueue({ project, actor: { userId: user.id }, input: body }), 201),
);
