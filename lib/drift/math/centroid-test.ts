import { seededRng, sampleIndices, shuffleFirst } from "./rng";
import { centroid, concat, euclidean, pick, type VectorSet } from "./vector-set";

export type CentroidTestOptions = {
  /** Permutations (B); at least 500. */
  permutations?: number;
  /** Rows per side used for the permutation test (subsampled, seeded) to bound its cost. */
  maxPerSide?: number;
  seed?: number;
  /**
   * Stop early (after the first 500) once the p-value can no longer fall below this bound —
   * (1 + exceedances) / (B + 1) ≥ stopAbove. Windows far from significant then cost 500
   * permutations while drifted ones get all B (a sequential Monte Carlo test, Besag–Clifford).
   */
  stopAbove?: number;
};

export type CentroidTestResult = {
  /** Euclidean distance between the centroids of all reference and all current vectors. */
  distance: number;
  /** Permutation p-value of the (subsampled) distance: (1 + #null ≥ observed) / (B + 1). */
  pValue: number;
  /**
   * Sampling noise: the distance two samples of these sizes from ONE distribution show on
   * average, √(tr Σ̂ · (1/n_ref + 1/n_cur)), with Σ̂ the pooled within-set covariance.
   */
  noise: number;
  permutations: number;
  referenceCount: number;
  currentCount: number;
};

export const MIN_PERMUTATIONS = 500;

/**
 * Centroid distance with a permutation test. The loop is the hot path: rows are one
 * Float32Array, the pooled total is summed once, and each permutation sums only the smaller
 * side's rows (the other side's sum is total − that), so a permutation costs n_small · dim.
 */
export function centroidDriftTest(reference: VectorSet, current: VectorSet, options: CentroidTestOptions = {}): CentroidTestResult {
  if (reference.dim !== current.dim) throw new Error(`cannot compare dimension ${reference.dim} with ${current.dim}`);
  const B = Math.max(MIN_PERMUTATIONS, options.permutations ?? MIN_PERMUTATIONS);
  const maxPerSide = options.maxPerSide ?? 1000;
  const rng = seededRng(options.seed ?? 1);
  const dim = reference.dim;
  const refMean = centroid(reference);
  const curMean = centroid(current);
  const distance = euclidean(refMean, curMean);
  const noise = Math.sqrt(pooledTrace(reference, refMean, current, curMean) * (1 / Math.max(1, reference.n) + 1 / Math.max(1, current.n)));
  const base = { distance, noise, permutations: B, referenceCount: reference.n, currentCount: current.n };
  if (reference.n < 2 || current.n < 2) return { ...base, pValue: 1 };

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
  let atLeast = 0;
  let run = 0;
  for (let p = 0; p < B; p++) {
    if (p >= MIN_PERMUTATIONS && options.stopAbove !== undefined && (1 + atLeast) / (B + 1) >= options.stopAbove) break;
    run++;
    shuffleFirst(indices, nSmall, rng);
    sumSmall.fill(0);
    for (let k = 0; k < nSmall; k++) {
      const o = indices[k]! * dim;
      for (let j = 0; j < dim; j++) sumSmall[j]! += data[o + j]!;
    }
    if (statistic(sumSmall) >= observed - 1e-12) atLeast++;
  }
  return { ...base, permutations: run, pValue: (1 + atLeast) / (run + 1) };
}

/** tr of the pooled within-set covariance: Σ‖x − mean‖² over both sets / (n_a + n_b − 2). */
function pooledTrace(a: VectorSet, aMean: Float64Array, b: VectorSet, bMean: Float64Array): number {
  let ss = 0;
  for (const [set, mean] of [[a, aMean], [b, bMean]] as const) {
    const { data, n, dim } = set;
    for (let i = 0; i < n; i++) {
      for (let j = 0, o = i * dim; j < dim; j++) {
        const d = data[o + j]! - mean[j]!;
        ss += d * d;
      }
    }
  }
  const dof = a.n + b.n - 2;
  return dof > 0 ? ss / dof : 0;
}
