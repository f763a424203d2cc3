// GET /api/projects/[projectId]/metrics/eval-scores – online-evaluation score means by day and by prompt version
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { evalScoreSeries } from "@/lib/metrics/eval-scores";
import { rangeQuery } from "@/lib/schemas/metrics";

export const GET = withProject({ action: "dashboards:read", query: rangeQuery }, async ({ project, query }) => json(await evalScoreSeries({ projectId: project.id, query })));
