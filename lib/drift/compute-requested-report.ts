import "server-only";
import { embedReportWindows } from "../embeddings/embed-report-windows";
import { runDriftReport } from "./run-drift-report";

/**
 * The "compute now" job: embed what the report's windows still need, then compute it. An
 * embedding failure (a provider answering 401) does not stop the report: its windows then say
 * how many spans are still waiting instead of looking merely empty.
 */
export async function computeRequestedReport(options: { projectId: string; reportId: string; embedLimit?: number }) {
  const { projectId, reportId } = options;
  await embedReportWindows({ projectId, reportId, limit: options.embedLimit }).catch((e: Error) => console.error(`[pharos worker] embeddings for report ${reportId} of project ${projectId}: ${e.message}`));
  return runDriftReport({ projectId, reportId });
}
