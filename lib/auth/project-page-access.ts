import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "../errors";
import { requireCurrentUser } from "./current-user";
import { type ProjectAccess, resolveProjectAccess } from "./with-project";
import type { SessionUser } from "./with-user";

/** For project pages: the signed-in member's access, or the 404 page for everyone else. */
export async function projectPageAccess(projectId: string, path = `/project/${projectId}`): Promise<ProjectAccess & { user: SessionUser }> {
  const user = await requireCurrentUser(path);
  try {
    return { ...(await resolveProjectAccess(user.id, projectId)), user };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
