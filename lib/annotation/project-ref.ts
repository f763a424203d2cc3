import { db } from "../db";

/** The project's id and org (an API key knows only the project id). */
export async function projectRef(projectId: string): Promise<{ id: string; orgId: string }> {
  return db.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, orgId: true } });
}
