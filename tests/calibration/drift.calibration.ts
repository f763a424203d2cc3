/**
 * The long drift calibration: `npm run test:calibration` (vitest.calibration.config.ts; not part
 * of `npm test`). H0 with 2,000 trials of clustered traffic on the default settings, the same
 * with no effect floor (the test and Holm alone), a span-level loader showing what trace-level
 * inference fixes, and power on realistic shifts. Writes tests/calibration/results.json, the
 * raw output behind the drift power table in docs/benchmarks.md.
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/math/decide";
import { driftSeries } from "@/lib/drift/math/drift-series";
import { recentWindows } from "@/lib/drift/math/windows";
import { clopperPearsonLower } from "./binomial";
import { DAYS, memoryLoader, simulateTraffic } from "./clustered-traffic";
import { runH0 } from "./h0-calibration";
import { POWER_SCENARIOS, runPower } from "./power";

const results: Record<string, unknown> = {
  machine: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
const TRACES_PER_DAY = Number(process.env.CALIBRATION_TRACES_PER_DAY ?? 60);
const POWER_TRIALS = Number(process.env.CALIBRATION_POWER_TRIALS ?? 100);

describe("drift calibration (long)", () => {
  it("H0: 2,000 trials, default settings: family-wise false positives ≤ alpha", async () => {
    const r = await runH0({ trials: 2000, tracesPerDay: TRACES_PER_DAY });
    results.h0 = r;
    console.log("H0", JSON.stringify(r));
    expect(r.lower95).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.alpha);
  }, 3_600_000);

  it("H0 without the effect floor: the permutation test and Holm alone stay ≤ alpha and are not conservative per window", async () => {
    const r = await runH0({ trials: 500, tracesPerDay: TRACES_PER_DAY, thresholds: { alpha: DEFAULT_THRESHOLDS.alpha, minEffect: 0 }, seed: 3_000_000 });
    results.h0NoFloor = r;
    console.log("H0 no floor", JSON.stringify(r));
    expect(r.lower95).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.alpha);
    // Windows skipped (effect exactly 0: D² ≤ noise²) count as p ≥ 0.1; the rest should put ≈ 10 % of all windows below 0.1.
    expect(r.rawBelow01 / r.windows).toBeGreaterThan(0.06);
    expect(clopperPearsonLower(r.rawBelow01, r.windows)).toBeLessThanOrEqual(0.1);
  }, 3_600_000);

  it("for contrast: the same traffic tested per span (the old unit) rejects far too often", async () => {
    let familyWise = 0;
    const trials = 50;
    for (let t = 0; t < trials; t++) {
      const spans = simulateTraffic(4_000_000 + t, TRACES_PER_DAY);
      // Every span its own unit: the loader keyed by span id.
      const perSpan = memoryLoader(spans.map((s) => ({ ...s, traceId: s.spanId })));
      const windows = recentWindows(new Date(Date.UTC(2026, 0, 5) + DAYS * 86_400_000 - 1), "day", 7, false).map((w) => ({ ...w, partial: false }));
      const steps = await driftSeries({ windows, granularity: "day", baseline: { kind: "trailing" }, thresholds: DEFAULT_THRESHOLDS, load: perSpan });
      if (steps.some((s) => s.row.drifted)) familyWise++;
    }
    results.h0PerSpan = { trials, tracesPerDay: TRACES_PER_DAY, familyWise, rate: familyWise / trials };
    console.log("H0 per span", JSON.stringify(results.h0PerSpan));
    expect(familyWise / trials).toBeGreaterThan(DEFAULT_THRESHOLDS.alpha * 5);
  }, 3_600_000);

  it("power on realistic shifts (trailing baseline; gradual drift also with the previous-window baseline)", async () => {
    const power = [];
    for (const scenario of POWER_SCENARIOS) {
      const r = await runPower(scenario, { trials: POWER_TRIALS, tracesPerDay: TRACES_PER_DAY });
      console.log("power", JSON.stringify(r));
      power.push(r);
    }
    const gradual = POWER_SCENARIOS[3]!;
    const previous = await runPower(gradual, { trials: POWER_TRIALS, tracesPerDay: TRACES_PER_DAY, baseline: { kind: "previous" } });
    console.log("power", JSON.stringify(previous));
    power.push(previous);
    results.power = power;
    await writeFile(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    // The shifts the trailing default exists for are found most of the time.
    expect(power[2]!.detectedRate).toBeGreaterThan(0.8);
    expect(power[3]!.detectedRate).toBeGreaterThan(previous.detectedRate);
  }, 3_600_000);
});
