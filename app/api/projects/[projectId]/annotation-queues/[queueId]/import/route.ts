import { importPairs, MAX_PAIR_IMPORT_BYTES } from "@/lib/annotation/import-pairs";
import { requireQueue } from "@/lib/annotation/queue-rows";
import { withProject } from "@/lib/auth/with-project";
import { json, readTextBody } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/annotation-queues/[queueId]/import – raw JSONL (prompt, response_a, response_b, metadata); bad lines → 400 by line, nothing imported
export const POST = withProject({ action: "annotation:manage", params: routeParams("queueId") }, async ({ project, params, req }) => {
  await requireQueue({ projectId: project.id, queueId: params.queueId });
  const text = await readTextBody(req, { maxBytes: MAX_PAIR_IMPORT_BYTES, tooLarge: `Import file exceeds ${MAX_PAIR_IMPORT_BYTES / 1024 / 1024} MiB; split it into smaller files` });
  return json(await importPairs({ projectId: project.id, queueId: params.queueId, text }), 201);
});
