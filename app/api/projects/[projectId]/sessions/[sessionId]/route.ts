import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getSession } from "@/lib/sessions/get-session";
import { sessionTracesQuery } from "@/lib/sessions/schemas";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/sessions/[sessionId] – one session's summary and its traces in start order, with scores
export const GET = withProject({ action: "traces:read", query: sessionTracesQuery, params: routeParams("sessionId") }, async ({ project, params, query }) =>
  json(await getSession({ projectId: project.id, sessionId: params.sessionId, query })),
);
