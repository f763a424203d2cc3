import { deleteAlertRule } from "@/lib/alerts/delete-alert-rule";
import { updateAlertRule } from "@/lib/alerts/update-alert-rule";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { updateAlertRuleBody } from "@/lib/schemas/alerts";
import { routeParams } from "@/lib/schemas/route-params";

// PATCH /api/projects/[projectId]/alerts/[ruleId] – edit a rule, or mute it until a time (null unmutes)
export const PATCH = withProject({ action: "alerts:manage", body: updateAlertRuleBody, params: routeParams("ruleId") }, async ({ project, user, body, params }) =>
  json(await updateAlertRule({ project, ruleId: params.ruleId, actorUserId: user.id, input: body })),
);

// DELETE /api/projects/[projectId]/alerts/[ruleId] – delete a rule
export const DELETE = withProject({ action: "alerts:manage", params: routeParams("ruleId") }, async ({ project, user, params }) => {
  await deleteAlertRule({ project, ruleId: params.ruleId, actorUserId: user.id });
  return json({ ok: true });
});
