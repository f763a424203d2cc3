import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { putLlmConnection } from "@/lib/llm-connections/put-llm-connection";
import { getKeyProject } from "@/lib/projects/get-key-project";
import { nameSchema } from "@/lib/schemas/common";
import { putLlmConnectionBody } from "@/lib/schemas/llm-connections";
import { nameSegment } from "@/lib/schemas/route-params";
import { z } from "zod";

// PUT /api/public/llm-connections/{name} – create or replace the key's project connection of that name (the key is never returned)
export const PUT = withApiKey({ scope: "secret", params: z.object({ name: nameSegment.pipe(nameSchema) }), body: putLlmConnectionBody }, async ({ key, params, body }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  const { connection, created } = await putLlmConnection({ project, actor: { apiKeyId: key.apiKeyId }, name: params.name, input: body });
  return json(connection, created ? 201 : 200);
});
