import { db } from "../db";

/** Recent firing / recovery / test events, newest first. */
export function listAlertEvents(options: { projectId: string; limit: number }) {
  return db.alertEvent.findMany({ where: { projectId: options.projectId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit });
}
