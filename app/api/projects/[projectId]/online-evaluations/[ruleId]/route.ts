import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deleteOnlineEvalRule } from "@/lib/online-evals/delete-online-eval-rule";
import { updateOnlineEvalRule } from "@/lib/online-evals/save-online-eval-rule";
import { updateOnlineEvalBody } from "@/lib/schemas/online-evals";
import { routeParams } from "@/lib/schemas/route-params";

const params = routeParams("ruleId");

// PATCH /api/projects/[projectId]/online-evaluations/[ruleId] – change a rule (`{ enabled: false }` pauses it)
export const PATCH = withProject({ action: "onlineEvals:manage", params, body: updateOnlineEvalBody }, async ({ project, user, params, body }) =>
  json(await updateOnlineEvalRule({ project, actor: { userId: user.id }, ruleId: params.ruleId, changes: body })),
);

// DELETE /api/projects/[projectId]/online-evaluations/[ruleId] – remove a rule (its scores stay)
export const DELETE = withProject({ action: "onlineEvals:manage", params }, async ({ project, user, params }) => {
  await deleteOnlineEvalRule({ project, actor: { userId: user.id }, ruleId: params.ruleId });
  return json({ deleted: true });
});
