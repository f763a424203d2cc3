import { db } from "../db";
import { decodeCursor as decodeParts, encodeCursor as encodeParts, INVALID_CURSOR } from "../cursor";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { ListTriageQuery } from "../schemas/triage";
import { serializeItem, traceSummaries, usersById } from "./serialize-item";

// The cursor keeps created_at as Postgres text: items made in one ingest transaction share a
// microsecond timestamp, which a JS Date (milliseconds) would round and then skip or repeat.
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeParts(cursor, 2) as [string, string];
  if (!/^\d{4}-\d\d-\d\d[ T][\d:.]+[+-]\d\d(:\d\d)?$/.test(createdAt)) throw new AppError("INVALID", INVALID_CURSOR);
  return { createdAt, id };
}

const encodeCursor = (createdAt: string, id: string) => encodeParts([createdAt, id]);

/** "me" → the caller, "none" → unassigned, anything else → that user id. */
function assigneeFilter(assignee: string | undefined, userId: string): string | null | undefined {
  if (assignee === undefined) return undefined;
  if (assignee === "me") return userId;
  if (assignee === "none") return null;
  return assignee;
}

type Filters = { status?: string; reason?: string; assigneeId?: string | null };

function conditions(projectId: string, f: Filters): Prisma.Sql {
  const parts = [Prisma.sql`project_id = ${projectId}`];
  if (f.status) parts.push(Prisma.sql`status = ${f.status}`);
  if (f.reason) parts.push(Prisma.sql`${f.reason} = any(reasons)`);
  if (f.assigneeId === null) parts.push(Prisma.sql`assignee_id is null`);
  else if (f.assigneeId !== undefined) parts.push(Prisma.sql`assignee_id = ${f.assigneeId}`);
  return Prisma.join(parts, " and ");
}

/**
 * Newest items first, keyset-paginated on (createdAt, id), each with its trace summary.
 * Counts are facets: by status under the reason/assignee filters, by reason under the
 * status/assignee filters — so each tab and chip shows what selecting it would list.
 */
export async function listTriageItems(options: { projectId: string; userId: string; query: ListTriageQuery }) {
  const { projectId, userId, query: q } = options;
  const f: Filters = { status: q.status, reason: q.reason, assigneeId: assigneeFilter(q.assignee, userId) };
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  const keyset = c ? Prisma.sql`and (created_at, id) < (${c.createdAt}::timestamptz, ${c.id})` : Prisma.empty;
  const [rows, byStatus, byReason] = await Promise.all([
    db.$queryRaw<{ id: string; created_at: string }[]>`
      select id, created_at::text as created_at from triage_items
      where ${conditions(projectId, f)} ${keyset}
      order by created_at desc, id desc limit ${q.limit + 1}`,
    db.$queryRaw<{ status: string; n: number }[]>`
      select status, count(*)::int as n from triage_items where ${conditions(projectId, { ...f, status: undefined })} group by status`,
    db.$queryRaw<{ reason: string; n: number }[]>`
      select reason, count(*)::int as n from triage_items, unnest(reasons) as reason
      where ${conditions(projectId, { ...f, reason: undefined })} group by reason`,
  ]);
  const pageRows = rows.slice(0, q.limit);
  const items = await db.triageItem.findMany({ where: { projectId, id: { in: pageRows.map((r) => r.id) } } });
  const byId = new Map(items.map((i) => [i.id, i]));
  const page = pageRows.map((r) => byId.get(r.id)).filter((i) => i !== undefined);
  const [traces, users] = await Promise.all([traceSummaries({ projectId, traceIds: page.map((i) => i.traceId) }), usersById(page.map((i) => i.assigneeId))]);
  const last = pageRows[pageRows.length - 1];
  return {
    items: page.map((i) => serializeItem(i, traces.get(i.traceId), users)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
    counts: {
      byStatus: Object.fromEntries(byStatus.map((g) => [g.status, g.n])) as Record<string, number>,
      byReason: Object.fromEntries(byReason.map((g) => [g.reason, g.n])) as Record<string, number>,
    },
  };
}
