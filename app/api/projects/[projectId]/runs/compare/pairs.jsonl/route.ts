import { withProject } from "@/lib/auth/with-project";
import { attachment } from "@/lib/http";
import { preferencePairs } from "@/lib/runs/preference-pairs";
import { compareRunsQuery } from "@/lib/schemas/runs";

// GET /api/projects/[projectId]/runs/compare/pairs.jsonl?ids=a,b – preference pairs (baseline vs each later run) as a JSONL download
export const GET = withProject({ action: "runs:read", query: compareRunsQuery }, async ({ project, query }) => {
  const file = await preferencePairs({ projectId: project.id, ids: query.ids });
  return new Response(file.body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": attachment(file.filename) } });
});
