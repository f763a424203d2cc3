import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { sendDriftClusterToInbox } from "@/lib/drift/send-drift-cluster-to-inbox";
import { json } from "@/lib/http";

const clusterParams = z.object({ reportId: z.string().min(1), cluster: z.coerce.number().int().nonnegative() });

// POST /api/projects/[projectId]/drift/reports/[reportId]/clusters/[cluster]/inbox – send the cluster's current traces to the inbox (reason drift)
export const POST = withProject({ action: "drift:manage", params: clusterParams }, async ({ project, params }) =>
  json(await sendDriftClusterToInbox({ projectId: project.id, reportId: params.reportId, cluster: params.cluster })),
);
