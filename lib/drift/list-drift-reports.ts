import "server-only";
import { db } from "../db";

/** A list row: everything but the projection and deep check, which only the report page needs. */
const SUMMARY = {
  id: true, field: true, model: true, granularity: true, baseline: true, unit: true, referenceStart: true, referenceEnd: true, rangeStart: true, rangeEnd: true,
  filters: true, statistic: true, alpha: true, status: true, progress: true, error: true, windows: true, distance: true, pValue: true, threshold: true,
  drifted: true, createdAt: true, completedAt: true,
} as const;

/** Reports of a project, newest first (without the projection), optionally for one field/model. */
export async function listDriftReports(options: { projectId: string; field?: string; model?: string }) {
  const { projectId, ...filter } = options;
  return db.driftReport.findMany({ where: { projectId, ...filter }, orderBy: { createdAt: "desc" }, take: 20, select: SUMMARY });
}
