import "server-only";
import { decodeCursor, encodeCursor } from "../cursor";
import { db } from "../db";
import { serializeRun } from "./run-rows";

/** The project's runs, newest first, optionally of one golden set; keyset pages on (createdAt, id). */
export async function listRuns(options: { projectId: string; datasetId?: string; limit: number; cursor?: string }) {
  const { projectId, datasetId, limit } = options;
  const after = options.cursor ? decodeCursor(options.cursor, 2) : null;
  const rows = await db.run.findMany({
    where: {
      projectId,
      ...(datasetId ? { datasetId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]!) } }, { createdAt: new Date(after[0]!), id: { lt: after[1]! } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { runs: page.map(serializeRun), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}
