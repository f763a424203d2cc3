import { createQueue } from "@/lib/annotation/create-queue";
import { projectRef } from "@/lib/annotation/project-ref";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { createQueueBody } from "@/lib/schemas/annotation";

// POST /api/public/annotation-queues – create a queue { name, instructions?, judgmentsPerPair?, annotators? } → { id } (409 when the name is taken)
export const POST = withApiKey({ scope: "secret", body: createQueueBody }, async ({ key, body }) => {
  const queue = await createQueue({ project: await projectRef(key.projectId), actor: { apiKeyId: key.apiKeyId }, input: body });
  return json({ id: queue.id, name: queue.name, judgmentsPerPair: queue.judgmentsPerPair }, 201);
});
