import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createLlmConnection } from "@/lib/llm-connections/create-llm-connection";
import { listLlmConnections } from "@/lib/llm-connections/list-llm-connections";
import { createLlmConnectionBody } from "@/lib/schemas/llm-connections";

// GET /api/projects/[projectId]/llm-connections – the project's LLM connections (never keys or header values)
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json({ connections: await listLlmConnections({ projectId: project.id }) }));

// POST /api/projects/[projectId]/llm-connections – add one; key and header values are stored sealed
export const POST = withProject({ action: "llmConnections:manage", body: createLlmConnectionBody }, async ({ project, user, body }) =>
  json(await createLlmConnection({ project, actor: { userId: user.id }, input: body }), 201),
);
