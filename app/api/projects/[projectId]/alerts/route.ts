import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/alerts/list-alert-rules";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { createAlertRuleBody } from "@/lib/schemas/alerts";

// GET /api/projects/[projectId]/alerts – alert rules with their current state (webhook URLs masked for everyone)
export const GET = withProject({ action: "dashboards:read" }, async ({ project }) => json({ rules: await listAlertRules({ projectId: project.id }) }));

// POST /api/projects/[projectId]/alerts – create a rule (threshold on a measure over a window → webhook)
export const POST = withProject({ action: "alerts:manage", body: createAlertRuleBody }, async ({ project, user, body }) =>
  json(await createAlertRule({ project, actorUserId: user.id, input: body }), 201),
);
