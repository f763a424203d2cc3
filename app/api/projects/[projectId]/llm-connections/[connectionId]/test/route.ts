import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { testLlmConnection } from "@/lib/llm-connections/test-llm-connection";
import { testLlmConnectionBody } from "@/lib/schemas/llm-connections";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/llm-connections/[connectionId]/test – call the endpoint once: ok, latency, or the provider's error
export const POST = withProject({ action: "llmConnections:manage", params: routeParams("connectionId"), body: testLlmConnectionBody }, async ({ project, params, body }) =>
  json(await testLlmConnection({ projectId: project.id, connectionId: params.connectionId, model: body.model, timeoutMs: body.timeoutMs })),
);
