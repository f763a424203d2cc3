import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { ListTracesQuery } from "../schemas/traces";
import { serializeTrace } from "./serialize";

function decodeCursor(cursor: string): { startTime: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const startTime = new Date(time);
    if (Number.isNaN(startTime.getTime()) || typeof id !== "string") throw new Error("bad cursor");
    return { startTime, id };
  } catch {
    throw new AppError("INVALID", "query.cursor: not a cursor returned by this API");
  }
}

const encodeCursor = (t: { startTime: Date; id: string }) => Buffer.from(JSON.stringify([t.startTime.toISOString(), t.id])).toString("base64url");

/**
 * Newest traces first, keyset-paginated on (startTime, id) — no OFFSET, so pages neither
 * skip nor repeat rows while new traces arrive.
 */
export async function listTraces(projectId: string, q: ListTracesQuery) {
  const where: Prisma.TraceWhereInput = {
    projectId,
    ...(q.from || q.to ? { startTime: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
    ...(q.userId ? { userId: q.userId } : {}),
    ...(q.sessionId ? { sessionId: q.sessionId } : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    ...(q.tags?.length ? { tags: { hasEvery: q.tags } } : {}),
    ...(q.name ? { OR: [{ traceName: q.name }, { traceName: null, rootName: q.name }, { traceName: null, rootName: null, firstName: q.name }] } : {}),
  };
  const and: Prisma.TraceWhereInput[] = [];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    and.push({ OR: [{ startTime: { lt: c.startTime } }, { startTime: c.startTime, id: { lt: c.id } }] });
  }
  const rows = await db.trace.findMany({
    where: { ...where, AND: and },
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { data: page.map(serializeTrace), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}
