import "server-only";
import { db } from "../db";
import { embeddingSettings } from "../drift/embedding-settings";
import { referencePeriods, reportBaseline } from "../drift/math/baseline";
import { type Granularity, GRANULARITY_MS } from "../drift/math/windows";
import { embedByStartTime } from "./embed-by-start-time";
import { workerEmbedder } from "./worker-embedder";

/** At ~10,000 spans/s offline, about five seconds before "compute now" starts computing. */
const DEFAULT_LIMIT = 50_000;

/**
 * "Compute now" embeds what its report's windows (and their reference periods) still need before
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
  // The windows, then what their references pool: the trailing week or previous window before
  // the range (one span of time, from the first window's earliest reference), or the fixed period.
  const ranges = [{ from: report.rangeStart, to: report.rangeEnd }];
  const baseline = reportBaseline(report);
  const first = { start: report.rangeStart, end: new Date(report.rangeStart.getTime() + GRANULARITY_MS[report.granularity as Granularity]) };
  const periods = referencePeriods(first, report.granularity as Granularity, baseline);
  if (baseline.kind === "fixed") ranges.push({ from: baseline.start, to: baseline.end });
  else if (periods.length) ranges.push({ from: periods[0]!.start, to: report.rangeStart });
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
