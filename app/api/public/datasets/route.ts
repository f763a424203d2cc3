import { withApiKey } from "@/lib/auth/with-api-key";
import { createDatasetViaApi } from "@/lib/datasets/create-dataset-via-api";
import { json } from "@/lib/http";
import { createDatasetBody } from "@/lib/schemas/datasets";

// POST /api/public/datasets – create a golden set in the key's project → { id, name }; 409 (with the existing id) when the name is taken
export const POST = withApiKey({ scope: "secret", body: createDatasetBody }, async ({ key, body }) =>
  json(await createDatasetViaApi({ projectId: key.projectId, input: body }), 201),
);
