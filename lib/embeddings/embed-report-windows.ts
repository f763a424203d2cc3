import "server-only";
import { db } from "../db";
import { embeddingSettings } from "../drift/embedding-settings";
import { embedByStartTime } from "./embed-by-start-time";
import { workerEmbedder } from "./worker-embedder";

/** At ~10,000 spans/s offline, about five seconds before "compute now" starts computing. */
const DEFAULT_LIMIT = 50_000;

/**
 * "Compute now" embeds what its report's windows (and fixed reference) still need before
 * computing, newest first, up to `limit` spans; whatever is left shows in the report as
 * "waiting". Null when the report compares a model Pharos does not embed (client vectors).
 */
export async function embedReportWindows(options: { projectId: string; reportId: string; limit?: number }) {
  const { projectId, reportId } = options;
  const report = await db.driftReport.findUnique({ where: { projectId_id: { projectId, id: reportId } } });
  if (!report) return null;
  const field = report.field === "output" ? "output" : "input";
  const embedder = await workerEmbedder({ projectId, field, settings: await embeddingSettings({ projectId }) });
  if (!embedder || embedder.model !== report.model) return null;
  const ranges = [{ from: report.rangeStart, to: report.rangeEnd }];
  if (report.referenceStart && report.referenceEnd) ranges.push({ from: report.referenceStart, to: report.referenceEnd });
  let left = options.limit ?? DEFAULT_LIMIT;
  let embedded = 0;
  let complete = true;
  for (const range of ranges) {
    const walked = await embedByStartTime({ projectId, field, embedder, ...range, limit: left });
    embedded += walked.embedded;
    left -= walked.embedded + walked.skipped;
    complete &&= walked.complete;
    if (left <= 0) break;
  }
  return { model: embedder.model, embedded, complete };
}
