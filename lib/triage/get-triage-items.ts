import { db } from "../db";
import { serializeItem, traceSummaries, usersById } from "./serialize-item";

/** Items by id for one project (after a change), serialized like the list. */
export async function getTriageItems(options: { projectId: string; itemIds: string[] }) {
  const { projectId, itemIds } = options;
  const items = await db.triageItem.findMany({ where: { projectId, id: { in: itemIds } } });
  const [traces, users] = await Promise.all([traceSummaries({ projectId, traceIds: items.map((i) => i.traceId) }), usersById(items.map((i) => i.assigneeId))]);
  const byId = new Map(items.map((i) => [i.id, serializeItem(i, traces.get(i.traceId), users)]));
  return itemIds.map((id) => byId.get(id)).filter((i) => i !== undefined);
}
