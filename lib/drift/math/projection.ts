import { kmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import { sampleIndices, seededRng } from "./rng";
import { concat, pick, type VectorSet } from "./vector-set";

export type ProjectedPoint = { x: number; y: number; set: "reference" | "current"; /** row index in its own input set */ index: number; cluster: number };
export type DriftCluster = {
  cluster: number;
  referenceCount: number;
  currentCount: number;
  referenceShare: number;
  currentShare: number;
  /** (current share) / (reference share), each smoothed by +0.5 rows so empty sides stay finite (shown, not ranked on). */
  lift: number;
  /** currentShare − referenceShare: the part of the window this cluster over-represents (the ranking). */
  excess: number;
  /** Current-window rows (indices into `current`) nearest the cluster centre. */
  examples: number[];
};
export type DriftMap = { points: ProjectedPoint[]; clusters: DriftCluster[] };

/**
 * A picture of the shift: a seeded sample of each set (≤ perSide rows), projected to 2D with
 * PCA (ml-pca, NIPALS, 2 components), and k-means clusters of the combined sample (ml-kmeans,
 * k-means++ in the full dimension, best of `restarts` seeded runs by within-cluster sum of
 * squares — one run can merge a spread-out new topic with a block of identical old questions)
 * ranked by how much of the current window they over-represent (see rankClusters).
 */
export function driftMap(reference: VectorSet, current: VectorSet, options: { perSide?: number; k?: number; seed?: number; examples?: number; restarts?: number } = {}): DriftMap {
  const rng = seededRng(options.seed ?? 3);
  const perSide = options.perSide ?? 300;
  const refIdx = sampleIndices(reference.n, perSide, rng);
  const curIdx = sampleIndices(current.n, perSide, rng);
  const sample = concat(pick(reference, refIdx), pick(current, curIdx));
  const nRef = refIdx.length;
  const nCur = curIdx.length;
  if (sample.n < 4) return { points: [], clusters: [] };
  const rows: number[][] = [];
  for (let i = 0; i < sample.n; i++) rows.push(Array.from(sample.data.subarray(i * sample.dim, (i + 1) * sample.dim)));

  const pca = new PCA(rows, { method: "NIPALS", nCompNIPALS: 2 });
  const xy = pca.predict(rows, { nComponents: 2 }).to2DArray();
  const k = Math.max(2, Math.min(options.k ?? 6, Math.floor(sample.n / 8)));
  let result = kmeans(rows, k, { seed: options.seed ?? 3, initialization: "kmeans++", maxIterations: 50 });
  let best = inertia(rows, result.clusters, result.centroids);
  for (let r = 1; r < (options.restarts ?? 5); r++) {
    const candidate = kmeans(rows, k, { seed: (options.seed ?? 3) + r * 7919, initialization: "kmeans++", maxIterations: 50 });
    const score = inertia(rows, candidate.clusters, candidate.centroids);
    if (score < best - 1e-9) [result, best] = [candidate, score];
  }
  const points: ProjectedPoint[] = xy.map((p, i) => ({
    x: round(p[0] ?? 0),
    y: round(p[1] ?? 0),
    set: i < nRef ? "reference" : "current",
    index: i < nRef ? refIdx[i]! : curIdx[i - nRef]!,
    cluster: result.clusters[i]!,
  }));

  const clusters: DriftCluster[] = [];
  for (let c = 0; c < k; c++) {
    const members = points.map((p, i) => [p, i] as const).filter(([p]) => p.cluster === c);
    const referenceCount = members.filter(([p]) => p.set === "reference").length;
    const currentCount = members.length - referenceCount;
    if (!members.length) continue;
    const centre = result.centroids[c]!;
    // The examples should show what is new: current texts farthest from every reference text of
    // the cluster first (a cluster where a new topic joined an old one would otherwise show the
    // old texts nearest its centre), then nearest the centre; repeats of one text are skipped.
    const examples: number[] = [];
    const picked: number[][] = [];
    const referenceRows = members.filter(([p]) => p.set === "reference").map(([, i]) => rows[i]!);
    const novelty = (row: number[]) => (referenceRows.length ? Math.min(...referenceRows.map((q) => sqDist(q, row))) : Infinity);
    const candidates = members
      .filter(([p]) => p.set === "current")
      .map(([p, i]) => [p.index, rows[i]!, sqDist(rows[i]!, centre), novelty(rows[i]!)] as const)
      .sort((x, y) => (x[3] === y[3] ? x[2] - y[2] : y[3] - x[3]));
    for (const [index, row] of candidates) {
      if (examples.length >= (options.examples ?? 5)) break;
      if (picked.some((q) => sqDist(q, row) < 1e-8)) continue;
      examples.push(index);
      picked.push(row);
    }
    const referenceShare = referenceCount / Math.max(1, nRef);
    const currentShare = currentCount / Math.max(1, nCur);
    const lift = ((currentCount + 0.5) / (nCur + 1)) / ((referenceCount + 0.5) / (nRef + 1));
    clusters.push({ cluster: c, referenceCount, currentCount, referenceShare, currentShare, lift, excess: currentShare - referenceShare, examples });
  }
  return { points, clusters: rankClusters(clusters) };
}

/**
 * Most over-represented first, by excess share (current share − reference share), not by lift:
 * a +0.5-smoothed lift gives a cluster of 2 new rows and none old a lift of 5 — as high as a
 * new topic holding 20 % of the window — so tiny clusters topped the list. The excess share is
 * what a reader wants first: how much of this window is traffic the reference did not have.
 */
export function rankClusters<T extends { excess: number; currentCount: number }>(clusters: T[]): T[] {
  return [...clusters].sort((x, y) => y.excess - x.excess || y.currentCount - x.currentCount);
}

function inertia(rows: number[][], clusters: number[], centroids: number[][]): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) s += sqDist(rows[i]!, centroids[clusters[i]!]!);
  return s;
}

function sqDist(a: number[], b: number[]) {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j]! - b[j]!) ** 2;
  return s;
}
const round = (v: number) => Math.round(v * 10_000) / 10_000;
