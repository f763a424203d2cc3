import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { getTriageItems } from "./get-triage-items";
import { sendFlaggedTracesToInbox } from "./send-flagged-traces-to-inbox";

/** The manual "send to inbox" action: reason manual, merged into the trace's item if it has one. */
export async function sendTraceManuallyToInbox(options: { project: { id: string; orgId: string }; actorUserId: string; traceId: string }) {
  const { project, traceId } = options;
  const existed = await db.triageItem.findUnique({ where: { projectId_traceId: { projectId: project.id, traceId } }, select: { id: true } });
  await sendFlaggedTracesToInbox({ projectId: project.id, traceIds: [traceId], reasons: ["manual"] });
  const row = await db.triageItem.findUniqueOrThrow({ where: { projectId_traceId: { projectId: project.id, traceId } }, select: { id: true } });
  await writeAuditLog(db, {
    orgId: project.orgId,
    projectId: project.id,
    actorUserId: options.actorUserId,
    action: "triage.item.send",
    resourceType: "triage_item",
    resourceId: row.id,
    after: { traceId, reason: "manual" },
  });
  const [item] = await getTriageItems({ projectId: project.id, itemIds: [row.id] });
  return { item: item!, created: !existed };
}
