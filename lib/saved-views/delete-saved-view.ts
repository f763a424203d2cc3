import { db } from "../db";
import { AppError } from "../errors";

export async function deleteSavedView(options: { project: { id: string }; viewId: string }) {
  const deleted = await db.savedView.deleteMany({ where: { projectId: options.project.id, id: options.viewId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "Saved view not found");
}
