// GET /api/projects/[projectId]/metrics/top-users – users (tenants) by LLM cost
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { topUsers } from "@/lib/metrics/top-users";
import { rangeListQuery } from "@/lib/schemas/metrics";

export const GET = withProject({ action: "dashboards:read", query: rangeListQuery }, async ({ project, query }) => json({ users: await topUsers({ projectId: project.id, query }) }));
