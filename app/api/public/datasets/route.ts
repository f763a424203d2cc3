import { withApiKey } from "@/lib/auth/with-api-key";
import { createDatasetFromRequest } from "@/lib/datasets/create-dataset-via-api";
import { json } from "@/lib/http";
import { createDatasetRequest } from "@/lib/schemas/datasets";

// POST /api/public/datasets – create a golden set → { id, name } (409 with the existing id when the name is taken);
// with template "red-team": import the shipped red-team set into it (idempotent; 201 created, 200 existed)
export const POST = withApiKey({ scope: "secret", body: createDatasetRequest }, async ({ key, body }) => {
  const r = await createDatasetFromRequest({ projectId: key.projectId, userId: null, input: body, conflictDetails: true });
  return json(r.body, r.status);
});
