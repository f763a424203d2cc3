import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deleteSavedView } from "@/lib/saved-views/delete-saved-view";
import { routeParams } from "@/lib/schemas/route-params";

// DELETE /api/projects/[projectId]/views/[viewId] – delete a saved view
export const DELETE = withProject({ action: "views:manage", params: routeParams("viewId") }, async ({ project, params }) => {
  await deleteSavedView({ project, viewId: params.viewId });
  return json({ ok: true });
});
