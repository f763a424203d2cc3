import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { updateTriageRulesBody } from "@/lib/schemas/triage";
import { getTriageRules } from "@/lib/triage/get-triage-rules";
import { updateTriageRules } from "@/lib/triage/update-triage-rules";

// GET /api/projects/[projectId]/settings/triage – the failure-inbox rules in effect (defaults when never saved)
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json(await getTriageRules({ projectId: project.id })));

// PUT /api/projects/[projectId]/settings/triage – replace the rules (apply to traces ingested from now on)
export const PUT = withProject({ action: "triage:configure", body: updateTriageRulesBody }, async ({ project, user, body }) =>
  json(await updateTriageRules({ project, actorUserId: user.id, rules: body })),
);
