import type { Baseline } from "@/lib/drift/math/baseline";
import { clopperPearsonLower, clopperPearsonUpper } from "./binomial";
import { runTrial, type Shift } from "./clustered-traffic";

/** A realistic shift over the 7 windows shown (days 7…13) and the windows it touches. */
export type PowerScenario = { name: string; shift: Shift; shiftedDays: number[] };

export const POWER_SCENARIOS: PowerScenario[] = [
  { name: "Korean→Korean topic shift (refunds → delivery, from day 11)", shift: { koreanSubject: (d) => d >= 11 }, shiftedDays: [11, 12, 13] },
  { name: "emerging topic at 10 % (last day)", shift: { emerging: (d) => (d === 13 ? 0.1 : 0) }, shiftedDays: [13] },
  { name: "emerging topic at 20 % (last day)", shift: { emerging: (d) => (d === 13 ? 0.2 : 0) }, shiftedDays: [13] },
  { name: "gradual drift over 7 days (new topic 0 → 30 %, +5 points a day)", shift: { emerging: (d) => (d >= 7 ? 0.05 * (d - 7) : 0) }, shiftedDays: [8, 9, 10, 11, 12, 13] },
];

export type PowerResult = {
  scenario: string; baseline: Baseline["kind"]; trials: number; tracesPerDay: number;
  /** Trials where any shifted window was flagged, and where the first shifted window was. */
  detected: number; detectedRate: number; ci95: [number, number]; firstShiftedFlagged: number;
  /** Windows before the shift flagged (false alarms within the power runs). */
  unshiftedFlagged: number; meanFirstFlaggedDay: number | null; ms: number;
};

export async function runPower(scenario: PowerScenario, options: { trials: number; tracesPerDay: number; baseline?: Baseline; seed?: number }): Promise<PowerResult> {
  const started = performance.now();
  let detected = 0;
  let first = 0;
  let unshifted = 0;
  const firstDays: number[] = [];
  for (let t = 0; t < options.trials; t++) {
    const rows = await runTrial({ seed: (options.seed ?? 2_000_000) + t, tracesPerDay: options.tracesPerDay, shift: scenario.shift, baseline: options.baseline });
    const flaggedDays = rows.flatMap((r, i) => (r.drifted ? [7 + i] : []));
    if (flaggedDays.some((d) => scenario.shiftedDays.includes(d))) detected++;
    if (flaggedDays.includes(scenario.shiftedDays[0]!)) first++;
    unshifted += flaggedDays.filter((d) => !scenario.shiftedDays.includes(d)).length;
    const firstFlag = flaggedDays.find((d) => scenario.shiftedDays.includes(d));
    if (firstFlag !== undefined) firstDays.push(firstFlag);
  }
  return {
    scenario: scenario.name, baseline: options.baseline?.kind ?? "trailing", trials: options.trials, tracesPerDay: options.tracesPerDay,
    detected, detectedRate: detected / options.trials, ci95: [clopperPearsonLower(detected, options.trials, 0.975), clopperPearsonUpper(detected, options.trials, 0.975)],
    firstShiftedFlagged: first, unshiftedFlagged: unshifted,
    meanFirstFlaggedDay: firstDays.length ? firstDays.reduce((s, d) => s + d, 0) / firstDays.length : null, ms: Math.round(performance.now() - started),
  };
}
