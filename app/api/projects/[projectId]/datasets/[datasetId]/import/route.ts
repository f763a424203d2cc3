import { withProject } from "@/lib/auth/with-project";
import { importItems, readImportBody } from "@/lib/datasets/import-export";
import { json } from "@/lib/http";
import { importQuery } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/datasets/[datasetId]/import?format=jsonl|csv&skipInvalid= – raw file body; bad lines → 400 with details, nothing imported
export const POST = withProject({ action: "datasets:update", query: importQuery, params: routeParams("datasetId") }, async ({ project, user, params, query, req }) => {
  const text = await readImportBody(req);
  return json(await importItems({ projectId: project.id, datasetId: params.datasetId, userId: user.id, text, format: query.format, skipInvalid: query.skipInvalid }), 201);
});
