import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deleteLlmConnection } from "@/lib/llm-connections/delete-llm-connection";
import { getLlmConnection } from "@/lib/llm-connections/get-llm-connection";
import { updateLlmConnection } from "@/lib/llm-connections/update-llm-connection";
import { updateLlmConnectionBody } from "@/lib/schemas/llm-connections";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("connectionId");

// GET /api/projects/[projectId]/llm-connections/[connectionId] – one connection (never its secrets)
export const GET = withProject({ action: "settings:read", params }, async ({ project, params }) =>
  json(await getLlmConnection({ projectId: project.id, connectionId: params.connectionId })),
);

// PATCH /api/projects/[projectId]/llm-connections/[connectionId] – change it; a new base URL needs the key again
export const PATCH = withProject({ action: "llmConnections:manage", params, body: updateLlmConnectionBody }, async ({ project, user, params, body }) =>
  json(await updateLlmConnection({ project, actor: { userId: user.id }, connectionId: params.connectionId, changes: body })),
);

// DELETE /api/projects/[projectId]/llm-connections/[connectionId] – remove it and its secrets
export const DELETE = withProject({ action: "llmConnections:manage", params }, async ({ project, user, params }) => {
  await deleteLlmConnection({ project, actor: { userId: user.id }, connectionId: params.connectionId });
  return json({ deleted: true });
});
