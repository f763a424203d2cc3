import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ListTracesQuery } from "../schemas/traces";
import { serializeTrace } from "./serialize";
import { feedbackOf, tracePage } from "./trace-page";

/** The public API's list: full trace rows (as `GET /api/public/traces/:id` shapes them) plus feedback. */
export async function listTraces(options: { projectId: string; query: ListTracesQuery }) {
  const { projectId, query: q } = options;
  const { page, nextCursor } = await tracePage(projectId, q, Prisma.empty);
  const ids = page.map((r) => r.id);
  const [traces, feedback] = await Promise.all([db.trace.findMany({ where: { projectId, id: { in: ids } } }), feedbackOf(projectId, ids)]);
  const byId = new Map(traces.map((t) => [t.id, t]));
  const data = ids.flatMap((id) => {
    const t = byId.get(id);
    return t ? [{ ...serializeTrace(t), feedback: feedback.get(id) ?? { up: 0, down: 0 } }] : [];
  });
  return { data, nextCursor };
}
