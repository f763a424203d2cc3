import type { DriftWindow } from "../schemas/drift";

export type DriftChartRow = {
  time: number;
  label: string;
  distance: number | null;
  /** The effect-size floor √(noise² + minDistance²): distances under it are sampling noise. */
  band: number | null;
  noise: number | null;
  /** Distance again, only on drifted windows (drawn as marked points). */
  drifted: number | null;
  pValue: number | null;
  counts: string;
  partial: boolean;
};

/** Report windows → chart rows; windows without a test (too few vectors) become gaps. */
export function prepareDriftChart(windows: readonly DriftWindow[], granularity: string): DriftChartRow[] {
  return windows.map((w) => {
    const start = new Date(w.start);
    const label = granularity === "hour" ? `${start.toISOString().slice(5, 10)} ${start.toISOString().slice(11, 16)}` : start.toISOString().slice(0, 10);
    return {
      time: start.getTime(),
      label: w.partial ? `${label} (so far)` : label,
      distance: w.distance,
      band: w.floor,
      noise: w.noise,
      drifted: w.drifted ? w.distance : null,
      pValue: w.adjustedP,
      counts: `${w.referenceCount} → ${w.currentCount}`,
      partial: w.partial,
    };
  });
}

/** A one-line verdict for the report header. */
export function driftVerdict(windows: readonly DriftWindow[]): { tone: "red" | "green" | "zinc"; text: string } {
  const drifted = windows.filter((w) => w.drifted);
  const tested = windows.filter((w) => !w.insufficient);
  if (!tested.length) return { tone: "zinc", text: "Not enough vectors to test any window yet (at least 10 on each side)" };
  if (!drifted.length) return { tone: "green", text: `No significant drift in ${tested.length} window${tested.length === 1 ? "" : "s"}` };
  return { tone: "red", text: `Drift in ${drifted.length} of ${tested.length} windows` };
}
