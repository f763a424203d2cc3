import { describe, expect, it } from "vitest";
import { canaryBucket, choosesCanary } from "./canary";

const canary = { id: "c1", version: 4, percent: 10 };

describe("canary assignment", () => {
  it("gives the same key the same bucket, and another canary id another draw", () => {
    const a = canaryBucket({ name: "support/answer", label: "production", canaryId: "c1", stickyKey: "user-42" });
    expect(canaryBucket({ name: "support/answer", label: "production", canaryId: "c1", stickyKey: "user-42" })).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(100);
    expect(canaryBucket({ name: "support/answer", label: "production", canaryId: "c2", stickyKey: "user-42" })).not.toBe(a);
  });
  it("spreads keys uniformly: each tenth of [0, 100) holds 10 % ± 1 of 20,000 keys", () => {
    const deciles = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) deciles[Math.floor(canaryBucket({ name: "p", label: "production", canaryId: "c", stickyKey: `k${i}` }) / 10)]!++;
    for (const n of deciles) expect(Math.abs(n / 20_000 - 0.1)).toBeLessThan(0.01);
  });
  it("draws at random without a key", () => {
    expect(choosesCanary({ name: "p", label: "production", canary, random: () => 0.05 })).toBe(true);
    expect(choosesCanary({ name: "p", label: "production", canary, random: () => 0.1 })).toBe(false);
    expect(choosesCanary({ name: "p", label: "production", canary, stickyKey: "", random: () => 0.0 })).toBe(true);
  });
});
