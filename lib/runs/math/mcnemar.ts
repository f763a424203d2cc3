/**
 * McNemar's test for paired pass/fail, exact form: under H0 a discordant pair is equally likely
 * to go either way, so the count of pass→fail among the b + c discordant pairs is Binomial(b + c, ½).
 * Two-sided p = min(1, 2·P(X ≤ min(b, c))). Exact rather than the χ² approximation because runs
 * often have a handful of discordant items, where χ² is unreliable.
 *
 * Hand-written (a dozen lines) rather than a dependency: none of the maintained JS statistics
 * packages (simple-statistics, jstat) ships an exact McNemar, and @stdlib pulls in dozens of packages.
 */
export type McNemarResult = { regressed: number; improved: number; discordant: number; pValue: number | null };

export function mcnemarExact(options: { regressed: number; improved: number }): McNemarResult {
  const { regressed: b, improved: c } = options;
  const n = b + c;
  if (n === 0) return { regressed: b, improved: c, discordant: 0, pValue: null };
  const k = Math.min(b, c);
  // Σ_{i≤k} C(n, i) / 2^n in log space, so n in the thousands does not overflow.
  let logTerm = -n * Math.LN2; // log(C(n,0) / 2^n)
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return { regressed: b, improved: c, discordant: n, pValue: Math.min(1, 2 * tail) };
}
