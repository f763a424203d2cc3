import { describe, expect, it } from "vitest";
import { aucOf, classifierTest } from "./classifier-test";
import { mmdTest } from "./mmd";
import { embedOffline, fitIdf } from "./offline-embedder";
import { driftMap, rankClusters } from "./projection";
import { seededRng } from "./rng";
import { sampleQuestions } from "./sample-texts";
import { vectorSet } from "./vector-set";

const idf = fitIdf(sampleQuestions(seededRng(20), 400, 0.1));
const embedAll = (texts: string[]) => vectorSet(texts.map((t) => embedOffline(t, idf)));
const rng = seededRng(21);
const reference = embedAll(sampleQuestions(rng, 200, 0));
const stable = embedAll(sampleQuestions(rng, 120, 0));
const shifted = embedAll(sampleQuestions(rng, 120, 0.6));

describe("deep check", () => {
  it("RBF-MMD with the median heuristic separates a topic shift from a stable window", () => {
    const same = mmdTest(reference, stable, { maxPerSide: 120, seed: 1 });
    const moved = mmdTest(reference, shifted, { maxPerSide: 120, seed: 1 });
    expect(same.pValue).toBeGreaterThan(0.01);
    expect(moved.pValue).toBeLessThan(0.01);
    expect(moved.mmd2).toBeGreaterThan(same.mmd2);
    expect(moved.bandwidth).toBeGreaterThan(0);
    expect(moved.permutations).toBeGreaterThanOrEqual(500);
  });

  it("the classifier two-sample test's AUC interval covers 0.5 without drift and lies above it with drift", () => {
    const same = classifierTest(reference, stable, { seed: 2 });
    const moved = classifierTest(reference, shifted, { seed: 2 });
    expect(same.low).toBeLessThan(0.5);
    expect(same.high).toBeGreaterThan(0.5);
    expect(moved.low).toBeGreaterThan(0.5);
    expect(moved.auc).toBeGreaterThan(0.75);
  });

  it("computes the Mann–Whitney AUC with ties counted half", () => {
    expect(aucOf([1, 2], [3, 4])).toBe(1);
    expect(aucOf([3, 4], [1, 2])).toBe(0);
    expect(aucOf([1, 2], [1, 2])).toBe(0.5);
  });
});

describe("drift map", () => {
  it("projects a sample to 2D and ranks the cluster of Korean refund questions first", () => {
    const texts = sampleQuestions(seededRng(22), 120, 0.6);
    const current = embedAll(texts);
    const map = driftMap(reference, current, { perSide: 120, k: 5, seed: 4 });
    expect(map.points).toHaveLength(240);
    expect(new Set(map.points.map((p) => p.set))).toEqual(new Set(["reference", "current"]));
    const top = map.clusters[0]!;
    expect(top.lift).toBeGreaterThan(3);
    expect(top.currentShare).toBeGreaterThan(top.referenceShare);
    expect(top.examples.length).toBeGreaterThan(0);
    for (const i of top.examples) expect(texts[i]).toMatch(/[\uAC00-\uD7A3]/);
    // Ranked by excess share (not by lift), and the same seed gives the same map.
    expect(map.clusters.map((c) => c.excess)).toEqual([...map.clusters.map((c) => c.excess)].sort((a, b) => b - a));
    expect(driftMap(reference, current, { perSide: 120, k: 5, seed: 4 })).toEqual(map);
  });

  it("ranks a new topic holding 20 % of the window above a tiny cluster with a higher smoothed lift", () => {
    const cluster = (referenceCount: number, currentCount: number, n = 250) => {
      const lift = ((currentCount + 0.5) / (n + 1)) / ((referenceCount + 0.5) / (n + 1));
      return { cluster: referenceCount * 1000 + currentCount, referenceCount, currentCount, lift, excess: (currentCount - referenceCount) / n };
    };
    const tiny = cluster(0, 3); // lift 7, excess 1.2 %
    const big = cluster(10, 60); // lift ≈ 5.8, excess 20 %
    const mid = cluster(8, 40); // lift ≈ 4.8, excess 12.8 %
    expect(tiny.lift).toBeGreaterThan(big.lift);
    expect(rankClusters([tiny, mid, big]).map((c) => c.cluster)).toEqual([big.cluster, mid.cluster, tiny.cluster]);
  });
});
