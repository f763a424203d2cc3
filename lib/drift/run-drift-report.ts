import "server-only";
import { db } from "../db";
import { spanText } from "../embeddings/span-text";
import { sqlPool } from "../db-sql-pool";
import { toJsonValue } from "../json";
import type { DriftWindow } from "../schemas/drift";
import { embeddingSettings } from "./embedding-settings";
import { type DriftFilters, loadWindowVectors } from "./load-window-vectors";
import { referencePeriods, reportBaseline } from "./math/baseline";
import { classifierTest } from "./math/classifier-test";
import { DEFAULT_THRESHOLDS } from "./math/decide";
import { driftSeries } from "./math/drift-series";
import { mmdTest } from "./math/mmd";
import { driftMap } from "./math/projection";
import { type Granularity, GRANULARITY_MS, recentWindows } from "./math/windows";
import { reportCoverage } from "./window-coverage";

/**
 * The drift-report job: `driftSeries` loads each window's units (one vector per trace or
 * session), tests it against its reference (trailing pool, previous window or fixed baseline)
 * and decides with Holm and the effect floor; then the job stores the
 * series, a 2D map with ranked clusters and a deep check of the window that matters most
 * (the latest drifted one, else the latest). Progress is written as windows finish.
 */
export async function runDriftReport(options: { projectId: string; reportId: string; now?: Date }) {
  const { projectId, reportId } = options;
  const report = await db.driftReport.findUnique({ where: { projectId_id: { projectId, id: reportId } } });
  if (!report) return null;
  const update = (data: Parameters<typeof db.driftReport.update>[0]["data"]) => db.driftReport.update({ where: { projectId_id: { projectId, id: reportId } }, data });
  try {
    await update({ status: "running", progress: 0.02, error: null });
    const now = options.now ?? new Date();
    const granularity = report.granularity as Granularity;
    const count = Math.round((report.rangeEnd.getTime() - report.rangeStart.getTime()) / GRANULARITY_MS[granularity]);
    const shown = recentWindows(new Date(report.rangeEnd.getTime() - 1), granularity, count, false).map((w) => ({ ...w, partial: w.end.getTime() > now.getTime() }));
    const baseline = reportBaseline(report);
    const steps = await driftSeries({
      windows: shown, granularity, baseline, thresholds: { alpha: report.alpha, minEffect: report.threshold ?? DEFAULT_THRESHOLDS.minEffect },
      load: (period, cap) => loadWindowVectors({
        projectId, field: report.field, model: report.model, unit: report.unit === "session" ? "session" : "trace", from: period.start, to: period.end,
        filters: report.filters as DriftFilters | null, cap,
      }),
      onWindow: (done) => update({ progress: 0.05 + (0.8 * done) / shown.length }),
    });
    // How many LLM spans each window has vs how many still wait for a vector, so an untested window says why.
    const coverage = await reportCoverage({
      projectId, field: report.field, model: report.model, filters: report.filters as DriftFilters | null, settings: await embeddingSettings({ projectId }),
      windows: shown, references: shown.map((w) => referencePeriods(w, granularity, baseline)),
    });
    const windows: DriftWindow[] = steps.map((s, i) => ({ ...s.row, ...coverage[i] }));

    const focus = [...windows.keys()].reverse().find((i) => windows[i]!.drifted) ?? [...windows.keys()].reverse().find((i) => !windows[i]!.insufficient);
    let projection = null;
    let deepCheck = null;
    if (focus !== undefined) {
      const { reference, current } = steps[focus]!;
      const map = driftMap(reference, current, { perSide: 250, k: 6, seed: 3 });
      const texts = await exampleTexts(projectId, report.field, shown[focus]!, map.clusters.flatMap((c) => c.examples.map((i) => ({ traceId: current.traceIds[i]!, spanId: current.spanIds[i]! }))));
      projection = {
        window: focus,
        points: map.points.map((p) => ({ x: p.x, y: p.y, set: p.set, cluster: p.cluster, traceId: (p.set === "reference" ? reference : current).traceIds[p.index]! })),
        clusters: map.clusters.map((c) => ({
          ...c,
          examples: c.examples.map((i) => ({ traceId: current.traceIds[i]!, text: texts.get(current.spanIds[i]!) ?? "" })),
          traceIds: map.points.filter((p) => p.cluster === c.cluster && p.set === "current").map((p) => current.traceIds[p.index]!),
        })),
      };
      await update({ progress: 0.92 });
      // Descriptive only: these run on the data that flagged the window, so their p-value and interval are not a second test.
      deepCheck = { window: focus, descriptive: true, mmd: mmdTest(reference, current, { maxPerSide: 300 }), classifier: classifierTest(reference, current) };
    }
    const last = [...windows].reverse().find((w) => !w.insufficient) ?? null;
    return await update({
      status: "done", progress: 1, completedAt: new Date(), windows: toJsonValue(windows), projection: projection ? toJsonValue(projection) : undefined,
      deepCheck: deepCheck ? toJsonValue(deepCheck) : undefined, distance: last?.distance ?? null, pValue: last?.adjustedP ?? null,
      drifted: windows.some((w) => w.drifted),
    });
  } catch (error) {
    await update({ status: "failed", error: (error as Error).message.slice(0, 1000), completedAt: new Date() });
    throw error;
  }
}

/**
 * The examples' texts, read within the window their vectors were loaded from (vectors are keyed by
 * their span's start time): a read by ids alone would probe every daily partition of `spans`.
 */
async function exampleTexts(projectId: string, field: string, window: { start: Date; end: Date }, ids: { traceId: string; spanId: string }[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await sqlPool().query<{ id: string; value: unknown }>(
    `select s.id, s.${field === "output" ? "output" : "input"} as value from spans s join unnest($2::text[], $3::text[]) as k(trace_id, span_id)
       on s.trace_id = k.trace_id and s.id = k.span_id where s.project_id = $1 and s.start_time >= $4 and s.start_time < $5`,
    [projectId, ids.map((i) => i.traceId), ids.map((i) => i.spanId), window.start, window.end],
  );
  return new Map(rows.rows.map((r) => [r.id, spanText(r.value, field === "output" ? "output" : "input").slice(0, 240)]));
}
