import { decodeCursor, encodeCursor, INVALID_CURSOR } from "../cursor";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { AuditListQuery } from "../schemas/prompts";

/**
 * The project's audit rows, newest first, keyset-paged on (createdAt, id): `action` filters by
 * prefix (`prompt.` or `prompt.label.`), the rest by equality, `from`/`to` by time. Actors come
 * back with names so the page can say who.
 */
export async function listAuditLogs(options: { project: { id: string; orgId: string }; query: AuditListQuery }) {
  const { project, query: q } = options;
  const where: Prisma.AuditLogWhereInput = {
    orgId: project.orgId, projectId: project.id,
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.resourceType ? { resourceType: q.resourceType } : {}),
    ...(q.resourceId ? { resourceId: q.resourceId } : {}),
    ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
  };
  if (q.cursor) {
    const [time, id] = decodeCursor(q.cursor, 2) as [string, string];
    const at = new Date(time);
    if (Number.isNaN(at.getTime())) throw new AppError("INVALID", INVALID_CURSOR);
    where.AND = [{ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: id } }] }];
  }
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const actorIds = [...new Set(page.map((r) => r.actorUserId).filter((a): a is string => Boolean(a)))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } }) : [];
  return {
    entries: page.map((r) => ({
      id: r.id, action: r.action, resourceType: r.resourceType, resourceId: r.resourceId, actorUserId: r.actorUserId, actorApiKey: r.actorApiKey,
      before: r.before, after: r.after, createdAt: r.createdAt.toISOString(),
    })),
    users: Object.fromEntries(users.map((u) => [u.id, { name: u.name, email: u.email }])),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
