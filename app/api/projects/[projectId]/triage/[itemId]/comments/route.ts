import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { addTriageCommentBody } from "@/lib/schemas/triage";
import { addTriageComment } from "@/lib/triage/add-triage-comment";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/triage/[itemId]/comments – add a comment (plain text) to an item
export const POST = withProject({ action: "triage:update", body: addTriageCommentBody, params: routeParams("itemId") }, async ({ project, user, body, params }) =>
  json(await addTriageComment({ projectId: project.id, itemId: params.itemId, author: user, body: body.body }), 201),
);
