import { describe, expect, it } from "vitest";
import { newItemId } from "./item-id";

describe("newItemId", () => {
  it("sorts in creation order within one millisecond and across them", () => {
    const ids = [...Array.from({ length: 5000 }, () => newItemId(1_800_000_000_000)), newItemId(1_800_000_000_001), newItemId(1_800_000_000_500)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
