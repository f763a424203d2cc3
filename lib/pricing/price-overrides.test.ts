import { describe, expect, it } from "vitest";
import { compileModelPattern, findOverride, priceOverrideSchema } from "./price-overrides";

const valid = { id: "o1", modelPattern: "gpt-4o", inputPerMillion: 2, outputPerMillion: 8, effectiveFrom: "2025-01-01T00:00:00Z" };

describe("priceOverrideSchema", () => {
  it("accepts a stored override and revives the date", () => {
    const parsed = priceOverrideSchema.parse(valid);
    expect(parsed.effectiveFrom).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(priceOverrideSchema.parse({ ...valid, effectiveFrom: new Date(0), cachedInputPerMillion: null }).effectiveFrom).toEqual(new Date(0));
  });

  it("rejects bad patterns, prices and dates", () => {
    for (const bad of [
      { modelPattern: "gpt-(4o" },
      { modelPattern: "a)|(b" },
      { modelPattern: "" },
      { inputPerMillion: -1 },
      { outputPerMillion: 10_001 },
      { cachedInputPerMillion: Number.NaN },
      { effectiveFrom: "yesterday" },
    ]) {
      expect(priceOverrideSchema.safeParse({ ...valid, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("model patterns", () => {
  it("match the whole name, case-insensitively", () => {
    const exact = compileModelPattern("gpt-4o")!;
    expect(exact.test("GPT-4o")).toBe(true);
    expect(exact.test("gpt-4o-mini")).toBe(false);
    const dated = compileModelPattern(String.raw`^gpt-4o(-\d{4}-\d{2}-\d{2})?$`)!;
    expect(dated.test("gpt-4o-2024-08-06")).toBe(true);
    expect(dated.test("gpt-4o-mini")).toBe(false);
    expect(compileModelPattern("(")).toBeNull();
    expect(compileModelPattern("gpt-4o")).toBe(exact);
  });

  it("find the newest override in force, also for provider-prefixed names", () => {
    const overrides = [
      priceOverrideSchema.parse(valid),
      priceOverrideSchema.parse({ ...valid, id: "o2", effectiveFrom: "2025-02-01T00:00:00Z" }),
    ];
    expect(findOverride(overrides, "openai/gpt-4o", null, new Date("2025-03-01"))?.id).toBe("o2");
    expect(findOverride(overrides, "gpt-4o", null, new Date("2025-01-15"))?.id).toBe("o1");
    expect(findOverride(overrides, "gpt-4o", null, new Date("2024-12-31"))).toBeNull();
  });
});
