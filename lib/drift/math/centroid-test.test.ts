import { describe, expect, it } from "vitest";
import { centroidDriftTest } from "./centroid-test";
import { decideWindows } from "./decide";
import { embedOffline, fitIdf } from "./offline-embedder";
import { gaussian, seededRng, type Rng } from "./rng";
import { sampleQuestions } from "./sample-texts";
import { normalizeRows, vectorSet, type VectorSet } from "./vector-set";

/** n unit vectors around a fixed direction (same distribution for every call with the same mean). */
function cloud(rng: Rng, n: number, mean: number[], spread = 1): VectorSet {
  return normalizeRows(vectorSet(Array.from({ length: n }, () => mean.map((m) => m + spread * gaussian(rng)))));
}
const embedAll = (texts: string[], idf: ReturnType<typeof fitIdf>) => vectorSet(texts.map((t) => embedOffline(t, idf)));

describe("centroid distance permutation test", () => {
  it("keeps the false-positive rate at or below alpha over 200 seeded no-drift trials", () => {
    const rng = seededRng(42);
    const mean = Array.from({ length: 16 }, () => gaussian(rng) * 0.5);
    const alpha = 0.01;
    let rejected = 0;
    let flagged = 0;
    let below05 = 0;
    for (let t = 0; t < 200; t++) {
      const r = centroidDriftTest(cloud(rng, 40, mean), cloud(rng, 40, mean), { permutations: 500, seed: t + 1 });
      if (r.pValue < alpha) rejected++;
      if (r.pValue < 0.05) below05++;
      if (decideWindows([r], { alpha, minEffect: 0 })[0]!.drifted) flagged++;
    }
    // Binomial(200, 0.01) ≥ 6 has probability ≈ 1.6 %; the seeds are fixed, so this is stable.
    expect(rejected / 200).toBeLessThanOrEqual(alpha + 0.015);
    expect(flagged).toBe(rejected);
    expect(below05 / 200).toBeLessThanOrEqual(0.05 + 0.03);
    // ...and the test is not trivially conservative: some p-values do land below 0.05 under H0.
    expect(below05).toBeGreaterThan(0);
  });

  it("detects a topic shift (English billing → Korean refund questions) through the offline embedder", () => {
    const rng = seededRng(7);
    const idf = fitIdf(sampleQuestions(seededRng(8), 500, 0.1));
    const reference = embedAll(sampleQuestions(rng, 300, 0), idf);
    const stable = embedAll(sampleQuestions(rng, 150, 0), idf);
    const shifted = embedAll(sampleQuestions(rng, 150, 0.8), idf);
    const tests = [stable, shifted].map((w, i) => centroidDriftTest(reference, w, { permutations: 1000, seed: i + 1 }));
    const decisions = decideWindows(tests);
    expect(decisions.map((d) => d.drifted)).toEqual([false, true]);
    expect(tests[1]!.distance).toBeGreaterThan(3 * tests[0]!.distance);
    expect(tests[1]!.pValue).toBeLessThan(0.002);
  });

  it("detects a gradual shift once it is large enough, not in the windows before it", () => {
    const rng = seededRng(9);
    const idf = fitIdf(sampleQuestions(seededRng(10), 500, 0.1));
    const reference = embedAll(sampleQuestions(rng, 300, 0), idf);
    const shares = [0, 0, 0.1, 0.2, 0.35, 0.5, 0.7];
    const tests = shares.map((s, i) => centroidDriftTest(reference, embedAll(sampleQuestions(rng, 150, s), idf), { permutations: 2000, seed: i + 1 }));
    const drifted = decideWindows(tests).map((d) => d.drifted);
    expect(drifted.slice(0, 2)).toEqual([false, false]);
    expect(drifted.slice(-3)).toEqual([true, true, true]);
    // Distances grow with the share of shifted questions.
    expect(tests[6]!.distance).toBeGreaterThan(tests[4]!.distance);
    expect(tests[4]!.distance).toBeGreaterThan(tests[1]!.distance);
  });

  it("subsamples large windows but reports the distance of all rows, deterministically per seed", () => {
    const rng = seededRng(11);
    const mean = Array.from({ length: 8 }, () => 1);
    const a = cloud(rng, 3000, mean);
    const b = cloud(rng, 3000, mean.map((m, i) => (i === 0 ? m + 0.3 : m)));
    const r1 = centroidDriftTest(a, b, { maxPerSide: 200, seed: 5 });
    const r2 = centroidDriftTest(a, b, { maxPerSide: 200, seed: 5 });
    expect(r1).toEqual(r2);
    expect(r1.referenceCount).toBe(3000);
    expect(r1.pValue).toBeLessThan(0.01);
    expect(r1.noise).toBeGreaterThan(0);
    expect(r1.distance).toBeGreaterThan(r1.noise);
  });

  it("stops early only when the p-value can no longer be significant, so stopping changes no decision", () => {
    // (Before, it also ran at least 500 permutations; that floor bought nothing: once 1 + exceedances ≥ alpha · (B + 1), the full-B p-value is ≥ alpha.)
    const rng = seededRng(12);
    const mean = [1, 0, 0, 0];
    for (let t = 0; t < 20; t++) {
      const a = cloud(rng, 50, mean);
      const b = cloud(rng, 50, mean);
      const stopped = centroidDriftTest(a, b, { permutations: 5000, stopAbove: 0.01, seed: t });
      const full = centroidDriftTest(a, b, { permutations: 5000, seed: t });
      expect(stopped.pValue < 0.01).toBe(full.pValue < 0.01);
      if (stopped.permutations < 5000) expect(full.pValue).toBeGreaterThanOrEqual(0.01);
    }
    const same = centroidDriftTest(cloud(rng, 50, mean), cloud(rng, 50, mean), { permutations: 5000, stopAbove: 0.01, seed: 1 });
    expect(same.permutations).toBeLessThan(5000);
    const far = centroidDriftTest(cloud(rng, 50, mean, 0.3), cloud(rng, 50, [0, 1, 0, 0], 0.3), { permutations: 5000, stopAbove: 0.01, seed: 1 });
    expect(far.permutations).toBe(5000);
    expect(far.pValue).toBeCloseTo(1 / 5001, 6);
  });

  it("estimates the noise right when the two sides differ in size and spread (E[D²] = noise² under no drift)", () => {
    // Reference: 400 rows of spread 0.2; current: 25 rows of spread 1. A pooled covariance
    // weights the reference's small spread by its large n and underestimates the current side's
    // share of the noise several-fold; each side's own tr Σ̂ / n is unbiased.
    const rng = seededRng(13);
    const dim = 16;
    const draw = (n: number, s: number) => vectorSet(Array.from({ length: n }, () => Array.from({ length: dim }, () => s * gaussian(rng))));
    let d2 = 0;
    let noise2 = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const r = centroidDriftTest(draw(400, 0.2), draw(25, 1), { permutations: 500, stopAbove: 1 });
      d2 += r.distance ** 2;
      noise2 += r.noise ** 2;
    }
    // Expected: dim · (0.04 / 400 + 1 / 25) = 0.6416; Monte Carlo error of the mean ≈ 2 %.
    expect(noise2 / trials).toBeCloseTo(dim * (0.04 / 400 + 1 / 25), 1);
    expect(d2 / noise2).toBeGreaterThan(0.9);
    expect(d2 / noise2).toBeLessThan(1.1);
  });

  it("reports a scale-free effect: the same shift relative to the spread gives the same effect", () => {
    const rng = seededRng(14);
    const a = cloud(rng, 2000, [1, 0, 0, 0, 0, 0, 0, 0]);
    const b = cloud(rng, 2000, [1, 0.4, 0, 0, 0, 0, 0, 0]);
    const scale = (s: VectorSet, c: number) => ({ ...s, data: s.data.map((v) => v * c) });
    const r1 = centroidDriftTest(a, b, { permutations: 500, stopAbove: 1 });
    const r2 = centroidDriftTest(scale(a, 0.1), scale(b, 0.1), { permutations: 500, stopAbove: 1 });
    expect(r2.distance).toBeCloseTo(r1.distance * 0.1, 6);
    expect(r2.effect).toBeCloseTo(r1.effect, 4);
    expect(r1.effect).toBeGreaterThan(0.1);
    expect(r1.effect).toBeCloseTo(Math.sqrt(r1.distance ** 2 - r1.noise ** 2) / r1.spread, 10);
  });

  it("refuses to compare different dimensions", () => {
    expect(() => centroidDriftTest(vectorSet([[1, 0]]), vectorSet([[1, 0, 0]]))).toThrow(/dimension 2 with 3/);
  });
});
