import { withProject } from "@/lib/auth/with-project";
import { getDriftReport } from "@/lib/drift/get-drift-report";
import { json } from "@/lib/http";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/drift/reports/[reportId] – one report with windows, projection, clusters and deep check
export const GET = withProject({ action: "drift:read", params: routeParams("reportId") }, async ({ project, params }) =>
  json({ report: await getDriftReport({ projectId: project.id, reportId: params.reportId }) }),
);
