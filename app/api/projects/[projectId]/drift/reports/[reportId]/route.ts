import { withProject } from "@/lib/auth/with-project";
import { routeParamOf } from "@/lib/drift/route-params";
import { getDriftReport } from "@/lib/drift/reports";
import { json } from "@/lib/http";

// GET /api/projects/[projectId]/drift/reports/[reportId] – one report with windows, projection, clusters and deep check
export const GET = withProject({ action: "drift:read" }, async ({ project, params }) =>
  json({ report: await getDriftReport(project.id, routeParamOf(params, "reportId")) }),
);
