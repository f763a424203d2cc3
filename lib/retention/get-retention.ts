import { db } from "../db";
import type { RetentionSettings } from "../schemas/retention";
import { retentionBoundary } from "./days";

/** The project's retention, what the worker's next pass deletes, and the oldest trace left. */
export async function getRetention(options: { projectId: string; now?: Date }): Promise<RetentionSettings> {
  const { projectId } = options;
  const [settings, oldest] = await Promise.all([
    db.projectSettings.findUnique({ where: { projectId }, select: { traceRetentionDays: true } }),
    db.trace.findFirst({ where: { projectId }, orderBy: [{ startTime: "asc" }, { id: "asc" }], select: { startTime: true } }),
  ]);
  const days = settings?.traceRetentionDays ?? null;
  return {
    days,
    deletesBefore: days === null ? null : retentionBoundary(options.now ?? new Date(), days).toISOString(),
    oldestTraceAt: oldest?.startTime.toISOString() ?? null,
  };
}
