import "server-only";
import { db } from "../db";
import { AppError } from "../errors";

export async function getDriftReport(options: { projectId: string; reportId: string }) {
  const { projectId, reportId } = options;
  const report = await db.driftReport.findUnique({ where: { projectId_id: { projectId, id: reportId } } });
  if (!report) throw new AppError("NOT_FOUND", "Drift report not found");
  return report;
}
