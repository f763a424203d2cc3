import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { deleteSavedView } from "@/lib/traces/views";

// DELETE /api/projects/[projectId]/views/[viewId] – delete a saved view
export const DELETE = withProject({ action: "views:manage" }, async ({ project, params }) => {
  await deleteSavedView({ project, viewId: String(params.viewId) });
  return json({ ok: true });
});
