import { sampleIndices, seededRng, shuffleFirst } from "./rng";
import { pick, type VectorSet } from "./vector-set";

export type ClassifierTestResult = { auc: number; low: number; high: number; perSide: [number, number] };

/**
 * Deep check 2: classifier two-sample test. A linear classifier (the difference of the two
 * training-half centroids, i.e. nearest-centroid) is fitted on one half of each set and
 * scores the other half, and vice versa (2-fold cross-fitting). If the sets cannot be told
 * apart the held-out AUC is ≈ 0.5; the 95 % interval uses the Hanley–McNeil standard error.
 * Drift is indicated when the interval lies above 0.5.
 */
export function classifierTest(reference: VectorSet, current: VectorSet, options: { maxPerSide?: number; seed?: number } = {}): ClassifierTestResult {
  const rng = seededRng(options.seed ?? 11);
  const max = options.maxPerSide ?? 1000;
  const a = pick(reference, sampleIndices(reference.n, max, rng));
  const b = pick(current, sampleIndices(current.n, max, rng));
  if (a.n < 4 || b.n < 4) return { auc: 0.5, low: 0, high: 1, perSide: [a.n, b.n] };
  const [a1, a2] = halves(a, rng);
  const [b1, b2] = halves(b, rng);
  const folds = [fold(a1, b1, a2, b2), fold(a2, b2, a1, b1)];
  const auc = (folds[0]! + folds[1]!) / 2;
  const se = hanleyMcNeil(auc, a.n, b.n);
  return { auc, low: Math.max(0, auc - 1.96 * se), high: Math.min(1, auc + 1.96 * se), perSide: [a.n, b.n] };
}

function halves(set: VectorSet, rng: () => number): [VectorSet, VectorSet] {
  const idx = new Int32Array(set.n);
  for (let i = 0; i < set.n; i++) idx[i] = i;
  shuffleFirst(idx, set.n, rng);
  const h = Math.floor(set.n / 2);
  return [pick(set, idx.subarray(0, h)), pick(set, idx.subarray(h))];
}

function mean(set: VectorSet): Float64Array {
  const m = new Float64Array(set.dim);
  for (let i = 0; i < set.n; i++) for (let j = 0; j < set.dim; j++) m[j]! += set.data[i * set.dim + j]!;
  for (let j = 0; j < set.dim; j++) m[j]! /= Math.max(1, set.n);
  return m;
}

/** AUC on the test halves of a direction fitted on the training halves. */
function fold(trainA: VectorSet, trainB: VectorSet, testA: VectorSet, testB: VectorSet): number {
  const ma = mean(trainA);
  const mb = mean(trainB);
  const w = ma.map((v, j) => mb[j]! - v);
  const score = (set: VectorSet) => Array.from({ length: set.n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < set.dim; j++) s += set.data[i * set.dim + j]! * w[j]!;
    return s;
  });
  return aucOf(score(testA), score(testB));
}

/** Mann–Whitney AUC: P(score of a current row > score of a reference row), ties count half. */
export function aucOf(negatives: number[], positives: number[]): number {
  const all = [...negatives.map((s) => [s, 0] as const), ...positives.map((s) => [s, 1] as const)].sort((x, y) => x[0] - y[0]);
  let rankSumPos = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]![0] === all[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]![1] === 1) rankSumPos += avgRank;
    i = j;
  }
  const nPos = positives.length;
  const nNeg = negatives.length;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

function hanleyMcNeil(auc: number, nNeg: number, nPos: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const v = (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) / (nPos * nNeg);
  return Math.sqrt(Math.max(v, 1e-12));
}
