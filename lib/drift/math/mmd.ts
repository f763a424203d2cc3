import { sampleIndices, seededRng, shuffleFirst } from "./rng";
import { concat, pick, type VectorSet } from "./vector-set";

export type MmdResult = { mmd2: number; pValue: number; bandwidth: number; permutations: number; perSide: [number, number] };

/**
 * Deep check 1: kernel two-sample test with an RBF kernel, k(x, y) = exp(−‖x − y‖² / h²),
 * h² = median pairwise squared distance of the pooled sample (median heuristic). Biased
 * MMD² with a permutation p-value; at most `maxPerSide` (≤ 500) rows a side, so the kernel
 * matrix stays ≤ 1000² and each permutation is one O(n²) pass over it.
 */
export function mmdTest(reference: VectorSet, current: VectorSet, options: { maxPerSide?: number; permutations?: number; seed?: number } = {}): MmdResult {
  const rng = seededRng(options.seed ?? 7);
  const maxPerSide = Math.min(500, options.maxPerSide ?? 500);
  const B = Math.max(500, options.permutations ?? 500);
  const a = pick(reference, sampleIndices(reference.n, maxPerSide, rng));
  const b = pick(current, sampleIndices(current.n, maxPerSide, rng));
  const pooled = concat(a, b);
  const n = pooled.n;
  const { data, dim } = pooled;
  if (a.n < 2 || b.n < 2) return { mmd2: 0, pValue: 1, bandwidth: 0, permutations: 0, perSide: [a.n, b.n] };

  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0, o = i * dim; j < dim; j++) norms[i]! += data[o + j]! * data[o + j]!;
  const K = new Float64Array(n * n);
  const offDiagonal: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      let dot = 0;
      for (let j = 0, oi = i * dim, ok = k * dim; j < dim; j++) dot += data[oi + j]! * data[ok + j]!;
      const d2 = Math.max(0, norms[i]! + norms[k]! - 2 * dot);
      K[i * n + k] = d2;
      offDiagonal.push(d2);
    }
  }
  offDiagonal.sort((x, y) => x - y);
  const h2 = offDiagonal[Math.floor(offDiagonal.length / 2)]! || 1;
  for (let i = 0; i < n; i++) {
    K[i * n + i] = 1;
    for (let k = i + 1; k < n; k++) {
      const v = Math.exp(-K[i * n + k]! / h2);
      K[i * n + k] = v;
      K[k * n + i] = v;
    }
  }
  const rowTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) rowTotal[i]! += K[i * n + k]!;

  const inA = new Uint8Array(n);
  const nA = a.n;
  const nB = b.n;
  const statistic = () => {
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      const o = i * n;
      for (let k = 0; k < n; k++) if (inA[k]) r += K[o + k]!;
      if (inA[i]) {
        saa += r;
        sab += rowTotal[i]! - r;
      } else sbb += rowTotal[i]! - r;
    }
    return saa / (nA * nA) + sbb / (nB * nB) - (2 * sab) / (nA * nB);
  };
  for (let i = 0; i < nA; i++) inA[i] = 1;
  const observed = statistic();
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  let atLeast = 0;
  for (let p = 0; p < B; p++) {
    shuffleFirst(indices, nA, rng);
    inA.fill(0);
    for (let k = 0; k < nA; k++) inA[indices[k]!] = 1;
    if (statistic() >= observed - 1e-12) atLeast++;
  }
  return { mmd2: observed, pValue: (1 + atLeast) / (B + 1), bandwidth: Math.sqrt(h2), permutations: B, perSide: [nA, nB] };
}
