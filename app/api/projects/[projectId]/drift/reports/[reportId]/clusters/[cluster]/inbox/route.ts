import { withProject } from "@/lib/auth/with-project";
import { sendDriftClusterToInbox } from "@/lib/drift/reports";
import { routeParamOf } from "@/lib/drift/route-params";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http";

// POST /api/projects/[projectId]/drift/reports/[reportId]/clusters/[cluster]/inbox – send the cluster's current traces to the inbox (reason drift)
export const POST = withProject({ action: "drift:manage" }, async ({ project, params }) => {
  const cluster = Number(routeParamOf(params, "cluster"));
  if (!Number.isInteger(cluster) || cluster < 0) throw new AppError("INVALID", "cluster: must be a non-negative integer");
  return json(await sendDriftClusterToInbox(project.id, routeParamOf(params, "reportId"), cluster));
});
