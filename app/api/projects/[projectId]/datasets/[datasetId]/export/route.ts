import { withProject } from "@/lib/auth/with-project";
import { exportDatasetItems } from "@/lib/datasets/export-dataset-items";
import { attachment } from "@/lib/http";
import { exportQuery } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/datasets/[datasetId]/export?format=jsonl|csv[&at=ISO] – download (re-imports to the same items)
export const GET = withProject({ action: "datasets:read", query: exportQuery, params: routeParams("datasetId") }, async ({ project, params, query }) => {
  const file = await exportDatasetItems({ projectId: project.id, datasetId: params.datasetId, format: query.format, at: query.at });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": attachment(file.filename) } });
});
