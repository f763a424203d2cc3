import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listSessionsQuery } from "@/lib/sessions/schemas";

// GET /api/projects/[projectId]/sessions – sessions by last activity (keyset `cursor`), filters userId, from, to
export const GET = withProject({ action: "traces:read", query: listSessionsQuery }, async ({ project, query }) => json(await listSessions({ projectId: project.id, query })));
