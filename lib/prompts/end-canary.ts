import { writeAuditLog } from "../audit/write-audit-log";
import { db } from "../db";
import { AppError } from "../errors";
import { serializeCanary } from "./canary-rows";
import { auditActor, notifyPromptChange, type ProjectRef, TX_OPTIONS } from "./prompt-rows";
import { dispatchReleaseEvents, recordReleaseEvent } from "./release-events";

/**
 * Ends an active canary: by a member (`ended`) or by the guard (`guard_ended`, actor null, with
 * a release event). The end is a conditional update of an `active` row, so however many
 * members or workers end one canary at once, exactly one succeeds and writes the audit row;
 * the others get 409 (the guard passes `quiet` and gets null instead).
 */
export async function endCanary(options: { project: ProjectRef; userId: string | null; promptId: string; canaryId: string; reason?: string; byGuard?: boolean; quiet?: boolean }) {
  const { project, userId, promptId, canaryId } = options;
  const status = options.byGuard ? "guard_ended" : "ended";
  const result = await db.$transaction(async (tx) => {
    const ended = await tx.promptCanary.updateMany({
      where: { projectId: project.id, id: canaryId, promptId, status: "active" },
      data: { status, endedAt: new Date(), endedReason: options.reason || (options.byGuard ? "guard" : "ended by a member") },
    });
    if (ended.count === 0) {
      if (options.quiet) return null;
      const exists = await tx.promptCanary.findFirst({ where: { projectId: project.id, id: canaryId, promptId }, select: { status: true } });
      throw exists ? new AppError("CONFLICT", `Canary ${canaryId} is already ${exists.status}`) : new AppError("NOT_FOUND", `Canary ${canaryId} not found`);
    }
    const canary = await tx.promptCanary.findUniqueOrThrow({ where: { projectId_id: { projectId: project.id, id: canaryId } } });
    await tx.promptLabel.updateMany({ where: { projectId: project.id, promptId, label: canary.label, canaryId }, data: { canaryId: null } });
    await writeAuditLog(tx, {
      orgId: project.orgId, projectId: project.id, ...auditActor({ userId }),
      action: options.byGuard ? "prompt.canary.guard_end" : "prompt.canary.end", resourceType: "prompt_canary", resourceId: canaryId,
      before: { status: "active" }, after: { status, reason: canary.endedReason, label: canary.label, canaryVersion: canary.canaryVersion, baseVersion: canary.baseVersion },
    });
    let eventId: string | null = null;
    if (options.byGuard) {
      const prompt = await tx.prompt.findUnique({ where: { projectId_id: { projectId: project.id, id: promptId } }, select: { name: true } });
      eventId = await recordReleaseEvent(tx, {
        projectId: project.id, kind: "canary_guard_ended",
        payload: { event: "prompt.canary.guard_ended", prompt: { id: promptId, name: prompt?.name }, label: canary.label, canaryId, canaryVersion: canary.canaryVersion, baseVersion: canary.baseVersion, reason: canary.endedReason, at: canary.endedAt?.toISOString() },
      });
    }
    await notifyPromptChange(tx, project.id);
    return { canary, eventId };
  }, TX_OPTIONS);
  if (!result) return null;
  await dispatchReleaseEvents(project.id, [result.eventId]);
  return serializeCanary(result.canary);
}
