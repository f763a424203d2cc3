import { z } from "zod";
import { withApiKey } from "@/lib/auth/with-api-key";
import { appendDatasetItems } from "@/lib/datasets/append-dataset-items";
import { json } from "@/lib/http";
import { appendItemsBody } from "@/lib/schemas/datasets";
import { nameSegment } from "@/lib/schemas/route-params";

// POST /api/public/datasets/{name}/items – add items to the key's project set of that name → { itemIds }; one bad item (named by index) stores none
export const POST = withApiKey({ scope: "secret", params: z.object({ name: nameSegment }), body: appendItemsBody }, async ({ key, params, body }) => {
  const { datasetId, itemIds } = await appendDatasetItems({ projectId: key.projectId, name: params.name, userId: null, items: body.items });
  return json({ datasetId, itemIds }, 201);
});
