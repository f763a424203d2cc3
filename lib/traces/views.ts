import { db } from "../db";
import { AppError } from "../errors";

type Project = { id: string; orgId: string };

/** Saved explorer views of a project, by name. A view is the explorer's URL query string. */
export function listSavedViews(projectId: string) {
  return db.savedView.findMany({ where: { projectId }, orderBy: { name: "asc" } });
}

export async function createSavedView(options: { project: Project; actorUserId: string; name: string; query: string }) {
  const { project, name, query } = options;
  const existing = await db.savedView.findUnique({ where: { projectId_name: { projectId: project.id, name } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `body.name: a view named "${name}" already exists in this project; pick another name or delete that view first`);
  try {
    return await db.savedView.create({ data: { projectId: project.id, name, query, createdById: options.actorUserId } });
  } catch (error) {
    // Two saves racing for the same name: the unique index decides, with the same message.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `body.name: a view named "${name}" already exists in this project`);
    throw error;
  }
}

export async function deleteSavedView(options: { project: Project; viewId: string }) {
  const deleted = await db.savedView.deleteMany({ where: { projectId: options.project.id, id: options.viewId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "Saved view not found");
}
