import { db } from "../db";
import { AppError } from "../errors";
import { type Action, can } from "./permissions";
import { resolveProjectAccess } from "./with-project";

/**
 * For a public-API action narrower than what makes a key: engineers create secret keys
 * (apiKeys:manage), so such an action (retention deletes data: owners and admins) is allowed to
 * a key only while the member who created it holds the permission in the project. Keys from
 * headless initialization (PHAROS_INIT_*) have no creator: they are the operator's, and may.
 */
export async function requireKeyCreatorCan(options: { projectId: string; apiKeyId: string; action: Action; what: string }) {
  const { projectId, action } = options;
  const key = await db.apiKey.findUnique({ where: { projectId_id: { projectId, id: options.apiKeyId } }, select: { createdById: true } });
  if (!key) throw new AppError("UNAUTHORIZED", "API key not found");
  if (key.createdById === null) return;
  const access = await resolveProjectAccess(key.createdById, projectId).catch(() => null);
  if (access && can(access.role, action)) return;
  const who = access ? `a member whose role is now ${access.role}` : "someone who is no longer a member of the project";
  throw new AppError("FORBIDDEN", `${options.what}: this secret key was created by ${who}. Use a key created by an owner or admin.`);
}
