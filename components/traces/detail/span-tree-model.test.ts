import { describe, expect, it } from "vitest";
import { ancestorIds, barGeometry, buildSpanTree, traceBounds, visibleRows } from "./span-tree-model";

const t = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const span = (id: string, parentId: string | null, start: number, end: number) => ({ id, parentId, startTime: t(start), endTime: t(end) });

describe("span tree", () => {
  const spans = [span("c2", "root", 50, 90), span("root", null, 0, 100), span("c1", "root", 10, 40), span("g1", "c1", 12, 20), span("orphan", "missing", 5, 6)];

  it("nests children under parents in start order and keeps orphans as roots", () => {
    const rows = visibleRows(buildSpanTree(spans), new Set());
    expect(rows.map((r) => [r.span.id, r.depth])).toEqual([["root", 0], ["c1", 1], ["g1", 2], ["c2", 1], ["orphan", 0]]);
    expect(rows[0]!.childCount).toBe(2);
  });

  it("hides the descendants of collapsed spans", () => {
    expect(visibleRows(buildSpanTree(spans), new Set(["c1"])).map((r) => r.span.id)).toEqual(["root", "c1", "c2", "orphan"]);
    expect(visibleRows(buildSpanTree(spans), new Set(["root"])).map((r) => r.span.id)).toEqual(["root", "orphan"]);
  });

  it("survives a parent cycle without losing or repeating spans", () => {
    const rows = visibleRows(buildSpanTree([span("a", "b", 0, 1), span("b", "a", 1, 2)]), new Set());
    expect(rows.map((r) => r.span.id).sort()).toEqual(["a", "b"]);
  });

  it("finds ancestors for deep links", () => {
    expect(ancestorIds(spans, "g1")).toEqual(["c1", "root"]);
    expect(ancestorIds(spans, "root")).toEqual([]);
  });

  it("positions bars relative to the trace", () => {
    const b = traceBounds(spans, { startTime: t(0), endTime: t(100) });
    expect(barGeometry({ startTime: t(50), endTime: t(90), ttftMs: 10 }, b)).toEqual({ left: 50, width: 40, ttft: 60 });
    const point = barGeometry({ startTime: t(100), endTime: t(100) }, b);
    expect(point.left + point.width).toBeLessThanOrEqual(100);
    expect(point.width).toBeGreaterThan(0);
  });
});
