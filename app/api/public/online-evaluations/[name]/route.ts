import { z } from "zod";
import { withApiKey } from "@/lib/auth/with-api-key";
import { json } from "@/lib/http";
import { deleteOnlineEvalRule } from "@/lib/online-evals/delete-online-eval-rule";
import { putOnlineEvalRule } from "@/lib/online-evals/save-online-eval-rule";
import { getKeyProject } from "@/lib/projects/get-key-project";
import { nameSchema } from "@/lib/schemas/common";
import { putOnlineEvalBody } from "@/lib/schemas/online-evals";
import { nameSegment } from "@/lib/schemas/route-params";

const params = z.object({ name: nameSegment.pipe(nameSchema) });

// PUT /api/public/online-evaluations/{name} – create or replace the rule of that name (its watermark and counters stay)
export const PUT = withApiKey({ scope: "secret", params, body: putOnlineEvalBody }, async ({ key, params, body }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  const { rule, created } = await putOnlineEvalRule({ project, actor: { apiKeyId: key.apiKeyId }, name: params.name, input: body });
  return json(rule, created ? 201 : 200);
});

// DELETE /api/public/online-evaluations/{name} – remove the rule of that name (its scores stay)
export const DELETE = withApiKey({ scope: "secret", params }, async ({ key, params }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  await deleteOnlineEvalRule({ project, actor: { apiKeyId: key.apiKeyId }, name: params.name });
  return json({ deleted: true });
});
