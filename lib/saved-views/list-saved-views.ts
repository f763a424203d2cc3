import { db } from "../db";

/** Saved explorer views of a project, by name. A view is the explorer's URL query string. */
export function listSavedViews(options: { projectId: string }) {
  return db.savedView.findMany({ where: { projectId: options.projectId }, orderBy: { name: "asc" } });
}
