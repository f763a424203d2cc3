import type { DriftWindow } from "../../schemas/drift";
import { type Baseline, referencePeriods, type Span } from "./baseline";
import { centroidDriftTest, centroidShift } from "./centroid-test";
import { aboveFloor, type DriftThresholds, decideWindows, permutationsFor, type WindowTest } from "./decide";
import type { UnitVectors } from "./units";
import { concat } from "./vector-set";
import type { Granularity, Window } from "./windows";

/** One period's units as a loader returns them: a representative trace and span per unit, and the period's full unit count. */
export type WindowUnits = UnitVectors & { traceIds: string[]; spanIds: string[]; total: number };
export type LoadUnits = (period: Span, cap: number) => Promise<WindowUnits>;
export type SeriesStep = { window: Window; reference: WindowUnits; current: WindowUnits; row: DriftWindow };

/** A window needs this many units on each side to be tested. */
export const MIN_PER_SIDE = 10;
/** Units loaded per window; a pooled reference loads cap / periods from each of its periods. */
export const WINDOW_CAP = 5_000;
/**
 * Units a side in the permutation test (distance, noise and effect use every loaded unit). Beyond
 * 2,000 a side, a window whose effect clears the floor is far beyond Holm's threshold already
 * (noise / spread = √(2 / 2,000) ≈ 0.03 < 0.05), while each permutation of 5,000 would cost 2.5×
 * as much — minutes for a drifted window at B = 14,000.
 */
export const PERMUTATION_CAP = 2_000;

/**
 * The drift decision for a series of windows, as a function of what `load` returns — the
 * production job (run-drift-report.ts) passes a Postgres loader, the calibration and power tests
 * (tests/calibration) an in-memory one, so both run exactly this code: references by the
 * baseline, the centroid test on the loaded units (≤ PERMUTATION_CAP a side) with B = permutationsFor(windows, alpha) and
 * early stopping at alpha, windows below the effect floor untested (p = 1 in Holm), Holm over
 * the windows tested.
 */
export async function driftSeries(options: {
  windows: readonly Window[]; granularity: Granularity; baseline: Baseline; thresholds: DriftThresholds; load: LoadUnits;
  onWindow?: (done: number) => Promise<unknown> | void;
}): Promise<SeriesStep[]> {
  const { windows, granularity, baseline, thresholds, load } = options;
  const permutations = permutationsFor(windows.length, thresholds.alpha);
  const steps: { window: Window; reference: WindowUnits; current: WindowUnits; test: WindowTest | null }[] = [];
  let fixedReference: WindowUnits | null = null;
  for (const [i, window] of windows.entries()) {
    const current = await load(window, WINDOW_CAP);
    const periods = referencePeriods(window, granularity, baseline);
    const reference = baseline.kind === "fixed"
      ? (fixedReference ??= await load(periods[0]!, WINDOW_CAP))
      : pool(await Promise.all(periods.map((p) => load(p, Math.ceil(WINDOW_CAP / periods.length)))));
    const testable = reference.n >= MIN_PER_SIDE && current.n >= MIN_PER_SIDE && reference.dim === current.dim;
    let test: WindowTest | null = null;
    if (testable) {
      const shift = centroidShift(reference, current);
      test = aboveFloor(shift, thresholds)
        ? centroidDriftTest(reference, current, { permutations, maxPerSide: PERMUTATION_CAP, stopAbove: thresholds.alpha, seed: i + 1 })
        : { ...shift, pValue: null };
    }
    steps.push({ window, reference, current, test });
    await options.onWindow?.(i + 1);
  }
  const testedIdx = steps.flatMap((s, i) => (s.test ? [i] : []));
  const decisions = decideWindows(testedIdx.map((i) => steps[i]!.test!), thresholds);
  return steps.map((s, i) => {
    const t = s.test;
    const d = t ? decisions[testedIdx.indexOf(i)]! : null;
    const row: DriftWindow = {
      start: s.window.start.toISOString(), end: s.window.end.toISOString(), referenceCount: s.reference.total, currentCount: s.current.total,
      distance: t?.distance ?? null, pValue: t?.pValue ?? null, adjustedP: t?.pValue === null ? null : d?.adjustedP ?? null, noise: t?.noise ?? null,
      floor: d?.floor ?? null, effect: t ? finite(t.effect) : null, spread: t?.spread ?? null, belowFloor: t ? t.pValue === null : false,
      drifted: d?.drifted ?? false, insufficient: !t, partial: s.window.partial,
    };
    return { window: s.window, reference: s.reference, current: s.current, row };
  });
}

const finite = (v: number) => (Number.isFinite(v) ? v : 1e6);

/** Several periods' units as one reference. */
export function pool(parts: readonly WindowUnits[]): WindowUnits {
  const withRows = parts.filter((p) => p.n > 0);
  const total = parts.reduce((s, p) => s + p.total, 0);
  if (withRows.length <= 1) return { ...(withRows[0] ?? parts[0]!), total };
  const set = withRows.slice(1).reduce((acc, p) => concat(acc, p), withRows[0]! as { data: Float32Array; n: number; dim: number });
  let offset = 0;
  const firstRow = new Int32Array(set.n);
  for (const p of withRows) {
    firstRow.set(p.firstRow, offset);
    offset += p.n;
  }
  return {
    ...set, firstRow, keys: withRows.flatMap((p) => p.keys), traceIds: withRows.flatMap((p) => p.traceIds), spanIds: withRows.flatMap((p) => p.spanIds),
    total,
  };
}
