import { exportJudgedPairs } from "@/lib/annotation/export-judged-pairs";
import { withProject } from "@/lib/auth/with-project";
import { attachment } from "@/lib/http";
import { exportQuery } from "@/lib/schemas/annotation";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/annotation-queues/[queueId]/export?format=dpo|kto… – download decided pairs as TRL JSONL (leads)
export const GET = withProject({ action: "annotation:manage", params: routeParams("queueId"), query: exportQuery }, async ({ project, params, query }) => {
  const file = await exportJudgedPairs({ projectId: project.id, queueId: params.queueId, options: query });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": attachment(file.filename) } });
});
