import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { bulkUpdateTriageBody } from "@/lib/schemas/triage";
import { getTriageItems } from "@/lib/triage/get-triage-items";
import { updateTriageItems } from "@/lib/triage/update-triage-items";

// POST /api/projects/[projectId]/triage/bulk – change status and/or assignee of many items: all of them or none (409 lists refusals)
export const POST = withProject({ action: "triage:update", body: bulkUpdateTriageBody }, async ({ project, user, body }) => {
  const updated = await updateTriageItems({ project, actorUserId: user.id, itemIds: body.itemIds, status: body.status, assigneeId: body.assigneeId });
  return json({ items: await getTriageItems({ projectId: project.id, itemIds: updated.map((i) => i.id) }) });
});
