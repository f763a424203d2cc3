import { describe, expect, it } from "vitest";
import { isolatedIndices } from "./isolated-points";

describe("isolatedIndices", () => {
  it("finds values with no value on either side, including at the ends", () => {
    const rows = [{ v: 1 }, { v: null }, { v: 0 }, { v: null }, { v: 2 }, { v: 3 }, { v: null }, { v: 4 }];
    expect([...isolatedIndices(rows, "v")]).toEqual([0, 2, 7]);
  });

  it("treats a zero as a value and a missing key as a gap", () => {
    expect([...isolatedIndices([{ v: 0 }, { v: 0 }], "v")]).toEqual([]);
    expect([...isolatedIndices([{}, { v: 5 }, {}], "v")]).toEqual([1]);
    expect([...isolatedIndices([], "v")]).toEqual([]);
  });
});
