import { withProject } from "@/lib/auth/with-project";
import { listDriftReports } from "@/lib/drift/list-drift-reports";
import { requestDriftReport } from "@/lib/drift/request-drift-report";
import { json } from "@/lib/http";
import { computeDriftBody, listDriftQuery } from "@/lib/schemas/drift";

// GET /api/projects/[projectId]/drift/reports – reports newest first (?field, ?model), without projections
export const GET = withProject({ action: "drift:read", query: listDriftQuery }, async ({ project, query }) =>
  json({ reports: await listDriftReports({ projectId: project.id, ...query }) }),
);

// POST /api/projects/[projectId]/drift/reports – compute now: a queued report the worker computes (202)
export const POST = withProject({ action: "drift:manage", body: computeDriftBody }, async ({ project, body }) =>
  json({ report: await requestDriftReport({ projectId: project.id, ...body }) }, 202),
);
