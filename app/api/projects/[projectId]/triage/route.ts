import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listTriageQuery, sendToInboxBody } from "@/lib/schemas/triage";
import { listTriageItems } from "@/lib/triage/list-triage-items";
import { sendTraceManuallyToInbox } from "@/lib/triage/send-trace-manually-to-inbox";

// GET /api/projects/[projectId]/triage – inbox items (status, reason, assignee filters; keyset cursor) with counts
export const GET = withProject({ action: "traces:read", query: listTriageQuery }, async ({ project, user, query }) =>
  json(await listTriageItems({ projectId: project.id, userId: user.id, query })),
);

// POST /api/projects/[projectId]/triage – send a trace to the inbox by hand (reason "manual")
export const POST = withProject({ action: "triage:update", body: sendToInboxBody }, async ({ project, user, body }) => {
  const { item, created } = await sendTraceManuallyToInbox({ project, actorUserId: user.id, traceId: body.traceId });
  return json(item, created ? 201 : 200);
});
