import { seededRng, sampleIndices, shuffleFirst } from "./rng";
import { centroid, concat, euclidean, pick, type VectorSet } from "./vector-set";

export type CentroidTestOptions = {
  /** Permutations (B); at least 500. */
  permutations?: number;
  /** Rows per side used for the permutation test (subsampled, seeded); all rows by default. */
  maxPerSide?: number;
  seed?: number;
  /**
   * Stop as soon as the p-value can no longer fall below this bound: (1 + exceedances) ≥
   * stopAbove · (B + 1). Such a window is not rejected at stopAbove whatever the remaining
   * permutations show, so stopping changes no decision at or below that level (Besag–Clifford);
   * windows far from significant cost a few hundred permutations, drifted ones all B.
   */
  stopAbove?: number;
};

export type CentroidTestResult = {
  /** Euclidean distance between the centroids of all reference and all current vectors. */
  distance: number;
  /** Permutation p-value: (1 + #null ≥ observed) / (B + 1); an estimate when stopped early. */
  pValue: number;
  /**
   * Sampling noise: the distance two samples of these sizes from ONE distribution show on
   * average, √(tr Σ̂_ref / n_ref + tr Σ̂_cur / n_cur) — each side's own covariance, so unequal
   * sizes and spreads are weighted correctly (D² − noise² is unbiased for ‖Δ‖²).
   */
  noise: number;
  /** √tr Σ̂_ref: the reference's spread, the unit of the scale-free effect. */
  spread: number;
  /** Noise-corrected, scale-free shift: √max(0, D² − noise²) / spread. */
  effect: number;
  permutations: number;
  referenceCount: number;
  currentCount: number;
};

export const MIN_PERMUTATIONS = 500;

/** Distance, noise, spread and effect, without the permutation test (cheap: one pass per side). */
export function centroidShift(reference: VectorSet, current: VectorSet): Omit<CentroidTestResult, "pValue" | "permutations"> {
  if (reference.dim !== current.dim) throw new Error(`cannot compare dimension ${reference.dim} with ${current.dim}`);
  const refMean = centroid(reference);
  const curMean = centroid(current);
  const distance = euclidean(refMean, curMean);
  const refTrace = covarianceTrace(reference, refMean);
  const curTrace = covarianceTrace(current, curMean);
  const noise = Math.sqrt(refTrace / Math.max(1, reference.n) + curTrace / Math.max(1, current.n));
  const spread = Math.sqrt(refTrace);
  const shift = Math.sqrt(Math.max(0, distance * distance - noise * noise));
  const effect = spread > 0 ? shift / spread : shift > 0 ? Infinity : 0;
  return { distance, noise, spread, effect, referenceCount: reference.n, currentCount: current.n };
}

/**
 * Centroid distance with a permutation test. The loop is the hot path: rows are one
 * Float32Array, the pooled total is summed once, and each permutation sums only the smaller
 * side's rows (the other side's sum is total − that), so a permutation costs n_small · dim.
 */
export function centroidDriftTest(reference: VectorSet, current: VectorSet, options: CentroidTestOptions = {}): CentroidTestResult {
  const shift = centroidShift(reference, current);
  const B = Math.max(MIN_PERMUTATIONS, options.permutations ?? MIN_PERMUTATIONS);
  const base = { ...shift, permutations: B };
  if (reference.n < 2 || current.n < 2) return { ...base, pValue: 1 };
  const maxPerSide = options.maxPerSide ?? Infinity;
  const rng = seededRng(options.seed ?? 1);
  const dim = reference.dim;

  const a = reference.n > maxPerSide ? pick(reference, sampleIndices(reference.n, maxPerSide, rng)) : reference;
  const b = current.n > maxPerSide ? pick(current, sampleIndices(current.n, maxPerSide, rng)) : current;
  const pooled = concat(a, b);
  const n = pooled.n;
  const nSmall = Math.min(a.n, b.n);
  const nLarge = n - nSmall;
  const total = new Float64Array(dim);
  const data = pooled.data;
  for (let i = 0; i < n; i++) for (let j = 0, o = i * dim; j < dim; j++) total[j]! += data[o + j]!;

  const sumSmall = new Float64Array(dim);
  const statistic = (sum: Float64Array) => {
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const d = sum[j]! / nSmall - (total[j]! - sum[j]!) / nLarge;
      s += d * d;
    }
    return s;
  };
  // Observed: the smaller side is whichever of a/b it is; squared distance suffices for ranking.
  const smallStart = a.n <= b.n ? 0 : a.n;
  for (let i = smallStart; i < smallStart + nSmall; i++) for (let j = 0, o = i * dim; j < dim; j++) sumSmall[j]! += data[o + j]!;
  const observed = statistic(sumSmall);

  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  const stopAt = options.stopAbove === undefined ? Infinity : options.stopAbove * (B + 1);
  let atLeast = 0;
  let run = 0;
  for (let p = 0; p < B; p++) {
    if (1 + atLeast >= stopAt) break;
    run++;
    shuffleFirst(indices, nSmall, rng);
    sumSmall.fill(0);
    for (let k = 0; k < nSmall; k++) addRow(sumSmall, data, indices[k]! * dim, dim);
    if (statistic(sumSmall) >= observed - 1e-12) atLeast++;
  }
  return { ...base, permutations: run, pValue: (1 + atLeast) / (run + 1) };
}

/** tr Σ̂ of one set: Σ‖x − mean‖² / (n − 1). */
function covarianceTrace(set: VectorSet, mean: Float64Array): number {
  const { data, n, dim } = set;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0, o = i * dim; j < dim; j++) {
      const d = data[o + j]! - mean[j]!;
      ss += d * d;
    }
  }
  return n > 1 ? ss / (n - 1) : 0;
}

/** sum += data[o … o + dim): the hot loop, unrolled by four (≈ 30 % faster in V8). */
function addRow(sum: Float64Array, data: Float32Array, o: number, dim: number): void {
  const end = dim - (dim % 4);
  let j = 0;
  for (; j < end; j += 4) {
    sum[j]! += data[o + j]!;
    sum[j + 1]! += data[o + j + 1]!;
    sum[j + 2]! += data[o + j + 2]!;
    sum[j + 3]! += data[o + j + 3]!;
  }
  for (; j < dim; j++) sum[j]! += data[o + j]!;
}
