import { withProject } from "@/lib/auth/with-project";
import { importDatasetItems, MAX_IMPORT_BYTES } from "@/lib/datasets/import-dataset-items";
import { json, readTextBody } from "@/lib/http";
import { importQuery } from "@/lib/schemas/datasets";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/datasets/[datasetId]/import?format=jsonl|csv&skipInvalid= – raw file body; bad lines → 400 with details, nothing imported
export const POST = withProject({ action: "datasets:update", query: importQuery, params: routeParams("datasetId") }, async ({ project, user, params, query, req }) => {
  // 413 before and after reading: the body is a file, not JSON, so readJsonBody's limit does not apply.
  const text = await readTextBody(req, { maxBytes: MAX_IMPORT_BYTES, tooLarge: `Import file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it into smaller files` });
  return json(await importDatasetItems({ projectId: project.id, datasetId: params.datasetId, userId: user.id, text, format: query.format, skipInvalid: query.skipInvalid }), 201);
});
