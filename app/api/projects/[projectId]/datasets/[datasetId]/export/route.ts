import { withProject } from "@/lib/auth/with-project";
import { exportItems } from "@/lib/datasets/import-export";
import { attachment } from "@/lib/http";
import { exportQuery } from "@/lib/schemas/datasets";

// GET /api/projects/[projectId]/datasets/[datasetId]/export?format=jsonl|csv[&at=ISO] – download (re-imports to the same items)
export const GET = withProject({ action: "datasets:read", query: exportQuery }, async ({ project, params, query }) => {
  const file = await exportItems({ projectId: project.id, datasetId: String(params.datasetId), format: query.format, at: query.at });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": attachment(file.filename) } });
});
