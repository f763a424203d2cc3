import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import type { TriageItem } from "../generated/prisma/client";
import { nextResolvedAt, type TriageStatus, transitionProblem } from "./status";

type Options = {
  project: { id: string; orgId: string };
  actorUserId: string;
  itemIds: readonly string[];
  status?: TriageStatus;
  /** A member's user id; null unassigns; undefined leaves the assignee as it is. */
  assigneeId?: string | null;
};

/** Assignees must be members of the project (an org membership gives access to its projects). */
async function requireMember(orgId: string, userId: string) {
  const m = await db.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { userId: true } });
  if (!m) throw new AppError("INVALID", `body.assigneeId: user ${userId} is not a member of this project`);
}

/**
 * Changes status and/or assignee of one or more items in one transaction: all of them or
 * none. Every status change goes through the state machine (lib/triage/status.ts); a refused
 * transition of any item refuses the whole request with 409, listing each refused item.
 * Rows are locked first, so a concurrent change cannot slip between check and write.
 */
export async function updateTriageItems(options: Options): Promise<TriageItem[]> {
  const { project, status, assigneeId } = options;
  const ids = [...new Set(options.itemIds)];
  if (assigneeId) await requireMember(project.orgId, assigneeId);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from triage_items where project_id = ${project.id} and id = any(${ids}::text[]) order by id for update`;
    const items = await tx.triageItem.findMany({ where: { projectId: project.id, id: { in: ids } } });
    if (items.length !== ids.length) {
      const missing = ids.filter((id) => !items.some((i) => i.id === id));
      throw new AppError("NOT_FOUND", `Triage item${missing.length > 1 ? "s" : ""} ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""} not found`);
    }
    if (status) {
      const refused = items.map((i) => ({ id: i.id, problem: transitionProblem(i.status, status) })).filter((r) => r.problem !== null);
      if (refused.length) {
        const message = ids.length === 1
          ? `Item ${refused[0]!.id}: ${refused[0]!.problem}`
          : `${refused.length} of ${ids.length} items cannot change; nothing was changed: ${refused.slice(0, 5).map((r) => `${r.id}: ${r.problem}`).join("; ")}${refused.length > 5 ? "…" : ""}`;
        throw new AppError("CONFLICT", message, { refused });
      }
    }
    const now = new Date();
    const updated: TriageItem[] = [];
    for (const item of items) {
      const data = {
        ...(status ? { status, resolvedAt: nextResolvedAt(item.status, status, item.resolvedAt, now) } : {}),
        ...(assigneeId !== undefined ? { assigneeId } : {}),
      };
      const changed = (status !== undefined && status !== item.status) || (assigneeId !== undefined && assigneeId !== item.assigneeId);
      if (!changed) {
        updated.push(item);
        continue;
      }
      const next = await tx.triageItem.update({ where: { projectId_id: { projectId: project.id, id: item.id } }, data: { ...data, updatedAt: now } });
      await writeAuditLog(tx, {
        orgId: project.orgId,
        projectId: project.id,
        actorUserId: options.actorUserId,
        action: "triage.item.update",
        resourceType: "triage_item",
        resourceId: item.id,
        before: { status: item.status, assigneeId: item.assigneeId },
        after: { status: next.status, assigneeId: next.assigneeId },
      });
      updated.push(next);
    }
    // Answer in the order asked.
    return ids.map((id) => updated.find((i) => i.id === id)!);
  });
}
