/** Exact binomial tails and Clopper–Pearson bounds for the calibration checks (log-space sums; n in the thousands). */

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** P(X ≤ x) for X ~ Binomial(n, p). */
export function binomialCdf(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  let total = 0;
  for (let k = 0; k <= x; k++) total += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  return Math.min(1, total);
}

/** One-sided Clopper–Pearson upper bound: the largest rate p with P(X ≤ x | n, p) ≥ 1 − level. */
export function clopperPearsonUpper(x: number, n: number, level = 0.95): number {
  if (x >= n) return 1;
  let lo = x / n;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (binomialCdf(x, n, mid) > 1 - level) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** One-sided Clopper–Pearson lower bound: the smallest rate p with P(X ≥ x | n, p) ≥ 1 − level. */
export function clopperPearsonLower(x: number, n: number, level = 0.95): number {
  if (x <= 0) return 0;
  let lo = 0;
  let hi = x / n;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (1 - binomialCdf(x - 1, n, mid) < 1 - level) lo = mid;
    else hi = mid;
  }
  return lo;
}
