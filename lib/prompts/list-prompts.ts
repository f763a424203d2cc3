import { db } from "../db";
import { serializePrompt } from "./prompt-rows";

/**
 * Prompts of the project with their labels (`latest` included, virtual), newest version,
 * open change requests and last change, ordered by name (folders sort together).
 */
export async function listPrompts(options: { projectId: string; q?: string }) {
  const { projectId, q } = options;
  const prompts = await db.prompt.findMany({ where: { projectId, ...(q ? { name: { contains: q.toLowerCase() } } : {}) }, orderBy: { name: "asc" }, take: 1000 });
  const ids = prompts.map((p) => p.id);
  const [latest, labels, open] = await Promise.all([
    db.promptVersion.groupBy({ by: ["promptId"], where: { projectId, promptId: { in: ids } }, _max: { version: true } }),
    db.promptLabel.findMany({ where: { projectId, promptId: { in: ids }, revision: { gt: 0 } }, select: { promptId: true, label: true, version: true, canaryId: true, updatedAt: true } }),
    db.promptChangeRequest.groupBy({ by: ["promptId"], where: { projectId, promptId: { in: ids }, status: "open" }, _count: { _all: true } }),
  ]);
  const latestBy = new Map(latest.map((l) => [l.promptId, l._max.version ?? 0]));
  const openBy = new Map(open.map((o) => [o.promptId, o._count._all]));
  return prompts.map((p) => {
    const own = labels.filter((l) => l.promptId === p.id);
    const lastLabelMove = own.reduce<Date | null>((max, l) => (!max || l.updatedAt > max ? l.updatedAt : max), null);
    const lastChange = lastLabelMove && lastLabelMove > p.updatedAt ? lastLabelMove : p.updatedAt;
    return {
      ...serializePrompt(p),
      latestVersion: latestBy.get(p.id) ?? 0,
      labels: [{ label: "latest", version: latestBy.get(p.id) ?? 0, canary: false }, ...own.map((l) => ({ label: l.label, version: l.version, canary: Boolean(l.canaryId) }))],
      openChangeRequests: openBy.get(p.id) ?? 0,
      lastChangeAt: lastChange.toISOString(),
    };
  });
}
