import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listOnlineEvalRules } from "@/lib/online-evals/list-online-eval-rules";
import { createOnlineEvalRule } from "@/lib/online-evals/save-online-eval-rule";
import { createOnlineEvalBody } from "@/lib/schemas/online-evals";

// GET /api/projects/[projectId]/online-evaluations – the project's online evaluation rules with their counters
export const GET = withProject({ action: "runs:read" }, async ({ project }) => json({ rules: await listOnlineEvalRules({ projectId: project.id }) }));

// POST /api/projects/[projectId]/online-evaluations – add a rule; it scores traces that arrive from now on
export const POST = withProject({ action: "onlineEvals:manage", body: createOnlineEvalBody }, async ({ project, user, body }) =>
  json(await createOnlineEvalRule({ project, actor: { userId: user.id }, input: body }), 201),
);
