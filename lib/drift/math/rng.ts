/**
 * Seeded pseudo-random numbers for the drift math: every sample, permutation and projection
 * is reproducible from its seed, so reports and tests are deterministic.
 */
export type Rng = () => number;

/** mulberry32: 32-bit state, fast, good enough for sampling and permutations (not crypto). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller). */
export function gaussian(rng: Rng): number {
  let u = rng();
  while (u <= 1e-12) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Partial Fisher–Yates in place: afterwards the first k entries are a uniform k-subset. */
export function shuffleFirst(indices: Int32Array | number[], k: number, rng: Rng): void {
  const n = indices.length;
  for (let i = 0; i < Math.min(k, n - 1); i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = t;
  }
}

/** k distinct indices out of 0..n-1 (all of them, in order, when k ≥ n). */
export function sampleIndices(n: number, k: number, rng: Rng): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  shuffleFirst(all, k, rng);
  return all.slice(0, k).sort();
}
