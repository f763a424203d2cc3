import { describe, expect, it } from "vitest";
import { defaultColumns, parseStoredColumns, toggleColumn } from "./column-visibility";

describe("explorer column visibility", () => {
  it("adds the less-used columns only as the viewport grows", () => {
    expect(defaultColumns(1024)).toEqual(["startTime", "name", "inputPreview", "outputPreview", "status", "latencyMs", "totalCost"]);
    expect(defaultColumns(1440)).toEqual(["startTime", "name", "inputPreview", "outputPreview", "status", "latencyMs", "totalCost", "tokens"]);
    expect(defaultColumns(1600)).toEqual(["startTime", "name", "inputPreview", "outputPreview", "status", "latencyMs", "totalCost", "tokens", "models", "flags", "feedback"]);
  });

  it("reads a stored pick in display order, ignoring unknown ids and keeping Time", () => {
    expect(parseStoredColumns(JSON.stringify(["tags", "inputPreview", "bogus", 3]))).toEqual(["startTime", "inputPreview", "tags"]);
    expect(parseStoredColumns(null)).toBeNull();
    expect(parseStoredColumns("{not json")).toBeNull();
    expect(parseStoredColumns(JSON.stringify({ a: 1 }))).toBeNull();
  });

  it("toggles a column in place and never hides Time", () => {
    expect(toggleColumn(["startTime", "inputPreview"], "sessionId")).toEqual(["startTime", "inputPreview", "sessionId"]);
    expect(toggleColumn(["startTime", "inputPreview", "sessionId"], "inputPreview")).toEqual(["startTime", "sessionId"]);
    expect(toggleColumn(["startTime"], "startTime")).toEqual(["startTime"]);
  });
});

describe("explorer columns", () => {
  it("has a picker label for every column id, in display order", async () => {
    const { COLUMN_LABELS } = await import("./columns");
    const { COLUMN_IDS } = await import("./column-visibility");
    expect(Object.keys(COLUMN_LABELS)).toEqual([...COLUMN_IDS]);
  });
});
