import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listCanaries } from "@/lib/prompts/list-canaries";
import { startCanary } from "@/lib/prompts/start-canary";
import { startCanaryBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("promptId");

// GET /api/projects/[projectId]/prompts/[promptId]/canaries – the prompt's canaries, active first
export const GET = withProject({ action: "prompts:read", params }, async ({ project, params }) => json({ canaries: await listCanaries({ projectId: project.id, promptId: params.promptId }) }));

// POST /api/projects/[projectId]/prompts/[promptId]/canaries – start a canary: version for 0 < percent ≤ 50 of a label's calls, optional guard
export const POST = withProject({ action: "prompts:propose", params, body: startCanaryBody }, async ({ project, user, role, params, body }) =>
  json(await startCanary({ project, userId: user.id, role, promptId: params.promptId, label: body.label, version: body.version, percent: body.percent, guard: body.guard }), 201),
);
