import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { updateTriageItemBody } from "@/lib/schemas/triage";
import { getTriageItem } from "@/lib/triage/get-triage-item";
import { updateTriageItems } from "@/lib/triage/update-triage-items";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/triage/[itemId] – one item with its trace summary and comments
export const GET = withProject({ action: "traces:read", params: routeParams("itemId") }, async ({ project, params }) => json(await getTriageItem({ projectId: project.id, itemId: params.itemId })));

// PATCH /api/projects/[projectId]/triage/[itemId] – change status (state machine; 409 when refused) and/or assignee
export const PATCH = withProject({ action: "triage:update", body: updateTriageItemBody, params: routeParams("itemId") }, async ({ project, user, body, params }) => {
  const itemId = params.itemId;
  await updateTriageItems({ project, actorUserId: user.id, itemIds: [itemId], status: body.status, assigneeId: body.assigneeId });
  return json(await getTriageItem({ projectId: project.id, itemId }));
});
