import type { DriftWindow } from "../../schemas/drift";

export type DriftChartRow = {
  time: number;
  /** The full window name, for the tooltip. */
  label: string;
  /** A short axis label: "Nov 24" per day; "14:00" per hour, the date at midnight. */
  tick: string;
  distance: number | null;
  /** The effect-size floor √(noise² + minDistance²): distances under it are sampling noise. */
  band: number | null;
  noise: number | null;
  /** Distance again, only on drifted windows (drawn as marked points). */
  drifted: number | null;
  pValue: number | null;
  counts: string;
  /** Why an untested window has no distance (too few vectors, spans still waiting for them); null when tested. */
  note: string | null;
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
      tick: shortTick(start, granularity),
      distance: w.distance,
      band: w.floor,
      noise: w.noise,
      drifted: w.drifted ? w.distance : null,
      pValue: w.adjustedP,
      counts: `${w.referenceCount} → ${w.currentCount}`,
      note: w.insufficient ? insufficientReason(w) : null,
      partial: w.partial,
    };
  });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Windows are cut in UTC (like the labels), so ticks read UTC too. */
function shortTick(start: Date, granularity: string): string {
  const day = `${MONTHS[start.getUTCMonth()]} ${start.getUTCDate()}`;
  if (granularity !== "hour" || start.getUTCHours() === 0) return day;
  return start.toISOString().slice(11, 16);
}

/**
 * Which windows get an axis label: all when they fit, otherwise every n-th, but always the drifted ones
 * (the label a reader looks for), dropping regular labels that would crowd a drifted one.
 */
export function driftTicks(rows: readonly Pick<DriftChartRow, "time" | "drifted">[], maxTicks: number): number[] {
  if (rows.length <= maxTicks) return rows.map((r) => r.time);
  const step = Math.ceil(rows.length / maxTicks);
  const drifted = new Set(rows.flatMap((r, i) => (r.drifted !== null ? [i] : [])));
  const near = (i: number) => [...drifted].some((d) => d !== i && Math.abs(d - i) < step);
  return rows.filter((_, i) => drifted.has(i) || (i % step === 0 && !near(i))).map((r) => r.time);
}

/** Why a window could not be tested, in the words the page shows. */
export function insufficientReason(w: DriftWindow): string {
  const waiting = (w.waiting ?? 0) + (w.referenceWaiting ?? 0);
  if (waiting > 0) {
    const where = [w.waiting ? `${w.waiting.toLocaleString("en-US")} in this window` : null, w.referenceWaiting ? `${w.referenceWaiting.toLocaleString("en-US")} in its reference` : null].filter(Boolean).join(", ");
    return `waiting for embeddings: ${where}`;
  }
  const spans = w.llmSpans !== undefined ? ` (${w.currentCount.toLocaleString("en-US")} of ${w.llmSpans.toLocaleString("en-US")} LLM spans have one)` : "";
  return `too few vectors: ${w.referenceCount} → ${w.currentCount}, at least 10 a side${spans}`;
}

/** LLM spans of the shown windows that had no vector yet when the report was computed. */
export function waitingSpans(windows: readonly DriftWindow[]): number {
  return windows.reduce((sum, w) => sum + (w.waiting ?? 0), 0);
}

/** A one-line verdict for the report header. */
export function driftVerdict(windows: readonly DriftWindow[]): { tone: "red" | "green" | "zinc"; text: string } {
  const drifted = windows.filter((w) => w.drifted);
  const tested = windows.filter((w) => !w.insufficient);
  const waiting = waitingSpans(windows);
  if (!tested.length && waiting) return { tone: "zinc", text: `Waiting for embeddings: ${waiting.toLocaleString("en-US")} LLM spans have no vector yet` };
  if (!tested.length) return { tone: "zinc", text: "Not enough vectors to test any window yet (at least 10 on each side)" };
  if (!drifted.length) return { tone: "green", text: `No significant drift in ${tested.length} window${tested.length === 1 ? "" : "s"}` };
  return { tone: "red", text: `Drift in ${drifted.length} of ${tested.length} windows` };
}
