/** Judgment times as histogram rows for the bar chart: fixed buckets in seconds, empty ones kept. */
const EDGES = [0, 5, 10, 20, 30, 60, 120, 300];

export function prepareDurationHistogram(durationsMs: readonly number[]): Array<{ category: string; judgments: number }> {
  const rows = EDGES.map((lo, i) => {
    const hi = EDGES[i + 1];
    return { lo, hi, category: hi === undefined ? `${lo}s+` : `${lo}–${hi}s`, judgments: 0 };
  });
  for (const ms of durationsMs) {
    const s = ms / 1000;
    const row = rows.findLast((r) => s >= r.lo)!;
    row.judgments++;
  }
  return rows.map(({ category, judgments }) => ({ category, judgments }));
}

export function formatRate(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export function formatKappa(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}
