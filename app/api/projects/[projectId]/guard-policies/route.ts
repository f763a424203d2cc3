// GET /api/projects/[projectId]/guard-policies – the project's guard policies, default first
import { withProject } from "@/lib/auth/with-project";
import { listGuardPolicies } from "@/lib/guard/list-guard-policies";
import { json } from "@/lib/http";

export const GET = withProject({ action: "settings:read" }, async ({ project }) => json({ policies: await listGuardPolicies({ projectId: project.id }) }));
