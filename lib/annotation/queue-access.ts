import { can, type Role } from "../auth/permissions";
import { AppError } from "../errors";
import { requireQueue } from "./queue-rows";

/**
 * The queue, if this member may judge in it: assigned to it, and of a role that may judge
 * (annotators, or leads who assigned themselves). A queue the member is not assigned to is
 * "not found" to an annotator (they cannot see it exists) and forbidden to a lead.
 */
export async function requireJudgeAccess(options: { projectId: string; queueId: string; userId: string; role: Role }) {
  const queue = await requireQueue({ projectId: options.projectId, queueId: options.queueId });
  const manages = can(options.role, "annotation:manage");
  if (!can(options.role, "annotation:judge") && !manages) throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot judge annotation pairs`);
  if (!queue.annotatorIds.includes(options.userId)) {
    if (manages) throw new AppError("FORBIDDEN", "You are not assigned to this queue; add yourself as an annotator to judge");
    throw new AppError("NOT_FOUND", "Annotation queue not found");
  }
  return queue;
}

/** The queue, if this member may see it: leads see every queue, others only their own. */
export async function requireQueueView(options: { projectId: string; queueId: string; userId: string; role: Role }) {
  const queue = await requireQueue({ projectId: options.projectId, queueId: options.queueId });
  if (!can(options.role, "annotation:manage") && !queue.annotatorIds.includes(options.userId)) throw new AppError("NOT_FOUND", "Annotation queue not found");
  return queue;
}
