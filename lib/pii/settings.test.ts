import { describe, expect, it } from "vitest";
import { DETECTOR_IDS } from "./detectors";
import {
  compilePiiSettings,
  customPatternProblem,
  DEFAULT_PII_SETTINGS,
  kindFromName,
  MAX_CUSTOM_PATTERNS,
  piiSettingsSchema,
} from "./settings";

describe("piiSettingsSchema", () => {
  it("fills defaults so older or partial settings keep every detector on", () => {
    expect(piiSettingsSchema.parse({})).toEqual(DEFAULT_PII_SETTINGS);
    const partial = piiSettingsSchema.parse({ detectors: { email: false } });
    expect(partial.detectors.email).toBe(false);
    expect(partial.detectors.phone).toBe(true);
    for (const id of DETECTOR_IDS) expect(DEFAULT_PII_SETTINGS.detectors[id]).toBe(true);
  });

  it("accepts a valid custom pattern", () => {
    const parsed = piiSettingsSchema.parse({ customPatterns: [{ name: "Ticket", pattern: "TCK-\\d{4}", flags: "i" }] });
    expect(parsed.customPatterns).toHaveLength(1);
  });

  it.each([
    [{ name: "bad", pattern: "(unclosed" }, "does not compile"],
    [{ name: "empty", pattern: "a*" }, "empty string"],
    [{ name: "lookahead", pattern: "(?=x)" }, "empty string"],
    [{ name: "alternation", pattern: "foo|" }, "empty string"],
    [{ name: "too long", pattern: "a".repeat(501) }, "Too big: expected string to have <=500 characters"],
    [{ name: "", pattern: "abc" }, "Name needs at least one letter or digit"],
    [{ name: "!!!", pattern: "abc" }, "letter or digit"],
    [{ name: "sticky", pattern: "abc", flags: "gy" }, "Allowed flags"],
    [{ name: "dupe flags", pattern: "abc", flags: "ii" }, "does not compile"],
  ])("rejects %o", (pattern, message) => {
    const result = piiSettingsSchema.safeParse({ customPatterns: [pattern] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("caps the number of custom patterns", () => {
    const many = Array.from({ length: MAX_CUSTOM_PATTERNS + 1 }, (_, i) => ({ name: `p${i}`, pattern: `x${i}` }));
    expect(piiSettingsSchema.safeParse({ customPatterns: many }).success).toBe(false);
    expect(piiSettingsSchema.safeParse({ customPatterns: many.slice(1) }).success).toBe(true);
  });
});

describe("custom pattern helpers", () => {
  it("derives kinds from names", () => {
    expect(kindFromName("Employee id")).toBe("EMPLOYEE_ID");
    expect(kindFromName("  order-no. ")).toBe("ORDER_NO");
    expect(kindFromName("사번")).toBe("");
  });
  it("explains problems", () => {
    expect(customPatternProblem("\\d{6}")).toBeNull();
    expect(customPatternProblem("x?")).toMatch(/empty/);
  });
});

describe("compilePiiSettings", () => {
  it("compiles once per settings object", () => {
    const settings = piiSettingsSchema.parse({ customPatterns: [{ name: "t", pattern: "T-\\d+" }] });
    expect(compilePiiSettings(settings)).toBe(compilePiiSettings(settings));
    expect(compilePiiSettings(settings).custom).toHaveLength(1);
  });
  it("drops disabled detectors and skips unusable stored patterns without throwing", () => {
    const compiled = compilePiiSettings({
      enabled: true,
      detectors: { ...DEFAULT_PII_SETTINGS.detectors, ipAddress: false },
      customPatterns: [
        { name: "broken", pattern: "(" },
        { name: "ok", pattern: "ok\\d" },
      ],
    });
    expect(compiled.detectors.map((d) => d.id)).not.toContain("ipAddress");
    expect(compiled.custom.map((c) => c.kind)).toEqual(["OK"]);
  });
  it("is a no-op when disabled", () => {
    expect(compilePiiSettings({ ...DEFAULT_PII_SETTINGS, enabled: false }).enabled).toBe(false);
  });
});
