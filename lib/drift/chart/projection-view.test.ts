import { describe, expect, it } from "vitest";
import { niceAxis, projectionView, spreadStacks } from "./projection-view";

describe("projection axes", () => {
  it("picks round ticks with enough decimals to tell them apart", () => {
    expect(niceAxis(-0.07, 0.36)).toEqual({ domain: [-0.1, 0.4], ticks: [-0.1, 0, 0.1, 0.2, 0.3, 0.4], decimals: 1 });
    expect(niceAxis(0.31, 0.39).ticks).toEqual([0.3, 0.32, 0.34, 0.36, 0.38, 0.4]);
    // A 0.05 step needs two decimals, or 0.35 would read "0.3".
    expect(niceAxis(0.3, 0.4, 4)).toMatchObject({ ticks: [0.3, 0.35, 0.4], decimals: 2 });
    expect(niceAxis(0, 40).ticks).toEqual([0, 10, 20, 30, 40]);
  });

  it("fits the bulk of the points and pins far outliers to the edge", () => {
    const bulk = Array.from({ length: 300 }, (_, i) => ({ x: (i % 20) / 100, y: Math.floor(i / 20) / 100, id: i }));
    const view = projectionView([...bulk, { x: -0.8, y: 0.7, id: 999 }]);
    expect(view.x.domain[0]).toBeGreaterThan(-0.5);
    expect(view.y.domain[1]).toBeLessThan(0.5);
    expect(view.clamped).toBe(1);
    const outlier = view.points.find((p) => p.id === 999)!;
    expect(outlier).toMatchObject({ x: view.x.domain[0], y: view.y.domain[1], clamped: true });
    expect(view.points.filter((p) => p.clamped)).toHaveLength(1);
    expect(projectionView([]).points).toEqual([]);
    // Without outliers the axes just cover the data, padded: nothing moves.
    const tidy = projectionView(bulk);
    expect(tidy.clamped).toBe(0);
    expect(tidy.x.domain[0]).toBeLessThanOrEqual(0);
    expect(tidy.x.domain[1]).toBeGreaterThanOrEqual(0.19);
  });
});

describe("stacked projection points", () => {
  it("fans identical points out around their spot and counts the stack", () => {
    const same = Array.from({ length: 30 }, (_, i) => ({ x: 0.5, y: -0.2, id: i }));
    const out = spreadStacks([...same, { x: 0, y: 0, id: 99 }], 2, 2);
    const fanned = out.slice(0, 30);
    expect(new Set(fanned.map((p) => `${p.x},${p.y}`)).size).toBe(30);
    expect(fanned.every((p) => p.stacked === 30 && Math.hypot(p.x - 0.5, p.y + 0.2) < 0.2)).toBe(true);
    expect(out[30]).toEqual({ x: 0, y: 0, id: 99, stacked: 1 });
  });
});
