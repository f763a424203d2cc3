import "server-only";
import { db } from "../db";
import { spanText } from "../embeddings/span-text";
import { sqlPool } from "../db-sql-pool";
import { toJsonValue } from "../json";
import type { DriftWindow } from "../schemas/drift";
import { embeddingSettings } from "./embedding-settings";
import { type DriftFilters, type LoadedVectors, loadWindowVectors } from "./load-window-vectors";
import { centroidDriftTest } from "./math/centroid-test";
import { classifierTest } from "./math/classifier-test";
import { decideWindows, permutationsFor } from "./math/decide";
import { mmdTest } from "./math/mmd";
import { driftMap } from "./math/projection";
import { type Granularity, recentWindows, type Window } from "./math/windows";
import { reportCoverage } from "./window-coverage";

const MIN_PER_SIDE = 10;

/**
 * The drift-report job: load each window's vectors, test it against its reference (the
 * previous window or the fixed baseline), correct over the windows shown, and store the
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
    const g = report.granularity as Granularity;
    const span = report.rangeEnd.getTime() - report.rangeStart.getTime();
    const gMs = g === "hour" ? 3_600_000 : 86_400_000;
    const all = recentWindows(new Date(report.rangeEnd.getTime() - 1), g, Math.round(span / gMs), false).map((w) => ({ ...w, partial: w.end.getTime() > now.getTime() }));
    const fixed = report.baseline === "fixed" && report.referenceStart && report.referenceEnd;
    const shown = fixed ? all : all.slice(1);
    const load = (w: { start: Date; end: Date }) =>
      loadWindowVectors({ projectId, field: report.field, model: report.model, from: w.start, to: w.end, filters: report.filters as DriftFilters | null });
    const fixedRef = fixed ? await load({ start: report.referenceStart!, end: report.referenceEnd! }) : null;
    let previous = fixed ? null : await load(all[0]!);

    const steps: { window: Window; reference: LoadedVectors; current: LoadedVectors }[] = [];
    const tests: (ReturnType<typeof centroidDriftTest> | null)[] = [];
    const permutations = permutationsFor(shown.length, report.alpha);
    for (const [i, window] of shown.entries()) {
      const current = await load(window);
      const reference = fixedRef ?? previous!;
      const testable = reference.n >= MIN_PER_SIDE && current.n >= MIN_PER_SIDE && reference.dim === current.dim;
      tests.push(testable ? centroidDriftTest(reference, current, { permutations, maxPerSide: 500, stopAbove: report.alpha, seed: i + 1 }) : null);
      steps.push({ window, reference, current });
      previous = current;
      await update({ progress: 0.05 + (0.8 * (i + 1)) / shown.length });
    }
    // How many LLM spans each window has vs how many still wait for a vector, so an untested window says why.
    const coverage = await reportCoverage({ projectId, field: report.field, model: report.model, filters: report.filters as DriftFilters | null, settings: await embeddingSettings({ projectId }), all, fixedReference: fixed ? { start: report.referenceStart!, end: report.referenceEnd! } : null });
    const testedIdx = tests.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
    const decisions = decideWindows(testedIdx.map((i) => tests[i]!), { alpha: report.alpha, minDistance: report.threshold ?? 0.05 });
    const windows: DriftWindow[] = steps.map((s, i) => {
      const t = tests[i];
      const d = t ? decisions[testedIdx.indexOf(i)]! : null;
      return {
        start: s.window.start.toISOString(), end: s.window.end.toISOString(), referenceCount: s.reference.total, currentCount: s.current.total,
        distance: t?.distance ?? null, pValue: t?.pValue ?? null, adjustedP: d?.adjustedP ?? null, noise: t?.noise ?? null, floor: d?.floor ?? null,
        drifted: d?.drifted ?? false, insufficient: !t, partial: s.window.partial, ...coverage[i],
      };
    });

    const focus = [...windows.keys()].reverse().find((i) => windows[i]!.drifted) ?? [...windows.keys()].reverse().find((i) => !windows[i]!.insufficient);
    let projection = null;
    let deepCheck = null;
    if (focus !== undefined) {
      const { reference, current } = steps[focus]!;
      const map = driftMap(reference, current, { perSide: 250, k: 6, seed: 3 });
      const texts = await exampleTexts(projectId, report.field, map.clusters.flatMap((c) => c.examples.map((i) => ({ traceId: current.traceIds[i]!, spanId: current.spanIds[i]! }))));
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
      deepCheck = { window: focus, mmd: mmdTest(reference, current, { maxPerSide: 300 }), classifier: classifierTest(reference, current) };
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

async function exampleTexts(projectId: string, field: string, ids: { traceId: string; spanId: string }[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await sqlPool().query<{ id: string; value: unknown }>(
    `select s.id, s.${field === "output" ? "output" : "input"} as value from spans s join unnest($2::text[], $3::text[]) as k(trace_id, span_id)
       on s.trace_id = k.trace_id and s.id = k.span_id where s.project_id = $1`,
    [projectId, ids.map((i) => i.traceId), ids.map((i) => i.spanId)],
  );
  return new Map(rows.rows.map((r) => [r.id, spanText(r.value, field === "output" ? "output" : "input").slice(0, 240)]));
}
