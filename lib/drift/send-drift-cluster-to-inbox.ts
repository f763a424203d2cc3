import "server-only";
import { AppError } from "../errors";
import { sendFlaggedTracesToInbox } from "../triage/send-flagged-traces-to-inbox";
import { getDriftReport } from "./get-drift-report";

type StoredCluster = { cluster: number; traceIds: string[] };

/** Sends the current-window traces of one cluster of a report to the failure inbox (reason: drift). */
export async function sendDriftClusterToInbox(options: { projectId: string; reportId: string; cluster: number }) {
  const { projectId, reportId, cluster } = options;
  const report = await getDriftReport({ projectId, reportId });
  const clusters = ((report.projection as { clusters?: StoredCluster[] } | null)?.clusters ?? []);
  const found = clusters.find((c) => c.cluster === cluster);
  if (!found) throw new AppError("NOT_FOUND", `Cluster ${cluster} not found in this report`);
  if (!found.traceIds.length) throw new AppError("INVALID", `Cluster ${cluster} has no current-window traces to send`);
  return { ...(await sendFlaggedTracesToInbox({ projectId, traceIds: found.traceIds, reasons: ["drift"] })), traces: new Set(found.traceIds).size };
}
