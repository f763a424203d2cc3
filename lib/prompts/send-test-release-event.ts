import { db } from "../db";
import { AppError } from "../errors";
import { deliverReleaseEvent } from "./deliver-release-event";

/**
 * "Send test" on the settings page: records a `test` release event and delivers it right away,
 * once, reporting the outcome (the same delivery code as real events, so a test that passes
 * means label moves will arrive). No retries: the person clicking wants the answer now.
 */
export async function sendTestReleaseEvent(options: { project: { id: string }; userId: string }) {
  const { project } = options;
  const settings = await db.projectSettings.findUnique({ where: { projectId: project.id }, select: { releaseWebhookUrl: true } });
  if (!settings?.releaseWebhookUrl) throw new AppError("CONFLICT", "No release webhook is set: save a URL first");
  const event = await db.promptReleaseEvent.create({
    data: { projectId: project.id, kind: "test", payload: { event: "prompt.release.test", actorUserId: options.userId, at: new Date().toISOString() }, deliveryStatus: "pending" },
    select: { id: true },
  });
  const result = await deliverReleaseEvent({ projectId: project.id, eventId: event.id });
  if (!result.ok && result.retry) await db.promptReleaseEvent.update({ where: { projectId_id: { projectId: project.id, id: event.id } }, data: { deliveryStatus: "failed" } });
  return { eventId: event.id, delivered: result.ok, status: result.status ?? null, error: result.error ?? null };
}
