/** The drift map's scatter: round axes that fit the bulk of the points, outliers pinned, stacks fanned out. */
export type ProjectionAxis = { domain: [number, number]; ticks: number[]; decimals: number };
export type ProjectionView<P> = { points: (P & { clamped: boolean; stacked: number })[]; x: ProjectionAxis; y: ProjectionAxis; clamped: number };

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [lo, hi], with enough decimals to tell them apart. */
export function niceAxis(lo: number, hi: number, count = 5): ProjectionAxis {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const start = Math.floor(lo / step + 1e-9) * step; // the epsilons keep 0.3 / 0.05 = 5.999… on 6
  const end = Math.ceil(hi / step - 1e-9) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toFixed(decimals)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, decimals };
}

/**
 * Axes from Tukey's outer fences (quartiles ± 3 × IQR, never past the data) rather than the extremes: a few
 * far-off texts (each twice: reference and window) would otherwise squeeze everything else into a blob, and
 * there are too many of them for a 2nd–98th percentile cut. Points outside are drawn at the edge, marked, so
 * each stays clickable.
 */
export function projectionView<P extends { x: number; y: number }>(points: readonly P[]): ProjectionView<P> {
  if (!points.length) return { points: [], x: niceAxis(-1, 1), y: niceAxis(-1, 1), clamped: 0 };
  const axis = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    const lo = Math.max(sorted[0]!, q1 - 3 * (q3 - q1));
    const hi = Math.min(sorted[sorted.length - 1]!, q3 + 3 * (q3 - q1));
    const pad = (hi - lo) * 0.08 || 0.1;
    // Eight steps, not five: with 0.5 steps a plot of -0.8…0.5 wasted a third of its width.
    return niceAxis(lo - pad, hi + pad, 8);
  };
  const x = axis(points.map((p) => p.x));
  const y = axis(points.map((p) => p.y));
  const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
  const spread = spreadStacks(points, x.domain[1] - x.domain[0], y.domain[1] - y.domain[0]);
  let clamped = 0;
  const out = spread.map((p, i) => {
    const cx = clamp(p.x, x.domain);
    const cy = clamp(p.y, y.domain);
    // Only a point whose own position lies outside counts as pinned, not one nudged by the spread.
    const moved = clamp(points[i]!.x, x.domain) !== points[i]!.x || clamp(points[i]!.y, y.domain) !== points[i]!.y;
    if (moved) clamped++;
    return { ...p, x: cx, y: cy, clamped: moved };
  });
  return { points: out, x, y, clamped };
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Identical texts have identical vectors, so dozens of points can share one spot and read as a single dot.
 * Each such stack is fanned out into a small sunflower disc around its spot (deterministic, about a dot apart
 * at 300 px plot size), so its size shows and every point in it stays clickable.
 */
export function spreadStacks<P extends { x: number; y: number }>(points: readonly P[], spanX: number, spanY: number): (P & { stacked: number })[] {
  const key = (p: P) => `${p.x.toFixed(4)},${p.y.toFixed(4)}`;
  const size = new Map<string, number>();
  for (const p of points) size.set(key(p), (size.get(key(p)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return points.map((p) => {
    const k = key(p);
    const n = size.get(k)!;
    const i = seen.get(k) ?? 0;
    seen.set(k, i + 1);
    if (n === 1) return { ...p, stacked: 1 };
    const r = 0.009 * Math.sqrt(i);
    return { ...p, x: p.x + r * spanX * Math.cos(i * GOLDEN_ANGLE), y: p.y + r * spanY * Math.sin(i * GOLDEN_ANGLE), stacked: n };
  });
}
