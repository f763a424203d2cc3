import { withProject } from "@/lib/auth/with-project";
import { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { json } from "@/lib/http";
import { auditListQuery } from "@/lib/schemas/prompts";

// GET /api/projects/[projectId]/audit?action=prompt.&resourceType=&actorUserId=&from=&to=&cursor= – audit rows, newest first, keyset-paged
export const GET = withProject({ action: "audit:read", query: auditListQuery }, async ({ project, query }) => json(await listAuditLogs({ project, query })));
