import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listRuns } from "@/lib/runs/list-runs";
import { startRun } from "@/lib/runs/start-run";
import { listRunsQuery, startRunBody } from "@/lib/schemas/runs";

// GET /api/projects/[projectId]/runs – the project's runs, newest first, with live progress
export const GET = withProject({ action: "runs:read", query: listRunsQuery }, async ({ project, query }) =>
  json(await listRuns({ projectId: project.id, ...query })),
);

// POST /api/projects/[projectId]/runs – start a run over the golden set's snapshot now → { id, snapshotAt, total } (202)
export const POST = withProject({ action: "runs:start", body: startRunBody }, async ({ project, user, body }) =>
  json(await startRun({ projectId: project.id, body, actor: { userId: user.id } }), 202),
);
