import { db } from "../db";
import { AppError } from "../errors";

export async function createSavedView(options: { project: { id: string; orgId: string }; actorUserId: string; name: string; query: string }) {
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
