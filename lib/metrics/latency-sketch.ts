/**
 * Log-bucket latency sketch (the DDSketch mapping): value v > 0 falls in bucket
 * ceil(log_γ v) with γ = (1 + α) / (1 − α), so any quantile read back from merged bucket
 * counts is within α relative error. Buckets are stored sparsely as two int arrays
 * (bucket index, count) in metric_minutes and merged by adding counts.
 * The SQL writer computes the same index (SKETCH_SQL_INDEX) so both sides agree.
 */
export const RELATIVE_ACCURACY = 0.01;
export const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LN_GAMMA = Math.log(GAMMA);
/** Values below this (ms) share the lowest bucket; sub-10µs latencies are noise here. */
export const MIN_VALUE_MS = 0.01;

export function bucketIndex(valueMs: number): number {
  return Math.ceil(Math.log(Math.max(valueMs, MIN_VALUE_MS)) / LN_GAMMA);
}

/** The representative value of a bucket: within α of every value mapped into it. */
export function bucketValue(index: number): number {
  return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

/** SQL for the same mapping, over a column of milliseconds. */
export const SKETCH_SQL_INDEX = (column: string) => `ceil(ln(greatest(${column}, ${MIN_VALUE_MS})) / ${LN_GAMMA})::int`;

export type Sketch = Map<number, number>;

export function addToSketch(sketch: Sketch, valueMs: number, count = 1): void {
  const index = bucketIndex(valueMs);
  sketch.set(index, (sketch.get(index) ?? 0) + count);
}

export function mergeSparse(sketch: Sketch, buckets: readonly number[], counts: readonly number[]): void {
  for (let i = 0; i < buckets.length; i++) sketch.set(buckets[i]!, (sketch.get(buckets[i]!) ?? 0) + (counts[i] ?? 0));
}

/** The q-quantile (0..1) of the values in the sketch, or null when it is empty. */
export function quantile(sketch: Sketch, q: number): number | null {
  let total = 0;
  for (const c of sketch.values()) total += c;
  if (total === 0) return null;
  // Same rank convention as percentile_disc: the smallest value with cumulative share ≥ q.
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const index of [...sketch.keys()].sort((a, b) => a - b)) {
    seen += sketch.get(index)!;
    if (seen >= rank) return bucketValue(index);
  }
  return null;
}
