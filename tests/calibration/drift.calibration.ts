/**
 * The long drift calibration: `npm run test:calibration` (vitest.calibration.config.ts; not part
 * of `npm test`). H0 with 2,000 trials of clustered traffic on the default settings, the same
 * with no effect floor (the test and Holm alone), a span-level loader showing what trace-level
 * inference fixes, and power on realistic shifts. Writes tests/calibration/results.json, the
 * raw output behind the drift power table in docs/benchmarks.md. Power runs pay the full B for
 * every drifted window, so they dominate the time (CALIBRATION_POWER_TRIALS, default 50).
 */
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/math/decide";
import { driftSeries } from "@/lib/drift/math/drift-series";
import { recentWindows } from "@/lib/drift/math/windows";
import { clopperPearsonLower } from "./binomial";
import { DAYS, memoryLoader, simulateTraffic } from "./clustered-traffic";
import { runH0 } from "./h0-calibration";
import { POWER_SCENARIOS, type PowerResult, runPower } from "./power";

const TRACES_PER_DAY = Number(process.env.CALIBRATION_TRACES_PER_DAY ?? 60);
const POWER_TRIALS = Number(process.env.CALIBRATION_POWER_TRIALS ?? 50);
const RESULTS = path.join(import.meta.dirname, "results.json");

/** Each part is saved as it finishes (with machine and date), so `-t` can rerun one part. */
async function record(part: string, value: unknown) {
  const results = JSON.parse(await readFile(RESULTS, "utf8").catch(() => "{}")) as Record<string, unknown>;
  results[part] = { machine: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}, Node ${process.version}`, date: new Date().toISOString().slice(0, 10), ...(value as object) };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(part, JSON.stringify(value));
}

describe("drift calibration (long)", () => {
  it("H0: 2,000 trials, default settings: family-wise false positives ≤ alpha", async () => {
    const r = await runH0({ trials: 2000, tracesPerDay: TRACES_PER_DAY });
    await record("h0", r);
    expect(r.lower95).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.alpha);
  }, 3_600_000);

  it("H0 without the effect floor: the permutation test and Holm alone stay ≤ alpha and are not conservative per window", async () => {
    const r = await runH0({ trials: 500, tracesPerDay: TRACES_PER_DAY, thresholds: { alpha: DEFAULT_THRESHOLDS.alpha, minEffect: 0 }, seed: 3_000_000 });
    await record("h0NoFloor", r);
    expect(r.lower95).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.alpha);
    // Windows skipped (effect exactly 0: D² ≤ noise²) count as p ≥ 0.1; the rest should put ≈ 10 % of all windows below 0.1.
    expect(r.rawBelow01 / r.windows).toBeGreaterThan(0.06);
    expect(clopperPearsonLower(r.rawBelow01, r.windows)).toBeLessThanOrEqual(0.1);
  }, 3_600_000);

  it("for contrast: the same traffic tested per span (the old unit) rejects far too often", async () => {
    let familyWise = 0;
    const trials = 20;
    for (let t = 0; t < trials; t++) {
      const spans = simulateTraffic(4_000_000 + t, TRACES_PER_DAY);
      // Every span its own unit: the loader keyed by span id.
      const perSpan = memoryLoader(spans.map((s) => ({ ...s, traceId: s.spanId })));
      const windows = recentWindows(new Date(Date.UTC(2026, 0, 5) + DAYS * 86_400_000 - 1), "day", 7, false).map((w) => ({ ...w, partial: false }));
      const steps = await driftSeries({ windows, granularity: "day", baseline: { kind: "trailing" }, thresholds: DEFAULT_THRESHOLDS, load: perSpan });
      if (steps.some((s) => s.row.drifted)) familyWise++;
    }
    await record("h0PerSpan", { trials, tracesPerDay: TRACES_PER_DAY, familyWise, rate: familyWise / trials });
    expect(familyWise / trials).toBeGreaterThan(DEFAULT_THRESHOLDS.alpha * 5);
  }, 3_600_000);

  it("power on realistic shifts (trailing baseline; gradual drift also with the previous-window baseline)", async () => {
    // CALIBRATION_SCENARIOS=emerging runs only the scenarios whose name contains it (longer runs at higher traffic).
    const only = process.env.CALIBRATION_SCENARIOS;
    const power: PowerResult[] = [];
    for (const scenario of POWER_SCENARIOS.filter((s) => !only || s.name.includes(only))) {
      power.push(await runPower(scenario, { trials: POWER_TRIALS, tracesPerDay: TRACES_PER_DAY }));
      await record(`power@${TRACES_PER_DAY}`, { results: power });
    }
    const gradual = POWER_SCENARIOS[3]!;
    if (!only || gradual.name.includes(only)) {
      const previous = await runPower(gradual, { trials: POWER_TRIALS, tracesPerDay: TRACES_PER_DAY, baseline: { kind: "previous" } });
      power.push(previous);
      await record(`power@${TRACES_PER_DAY}`, { results: power });
      // The trailing default exists for gradual drift: it must find it more often than "previous".
      expect(power.find((p) => p.scenario === gradual.name)!.detectedRate).toBeGreaterThan(previous.detectedRate);
    }
    // Detection grows with the share of the emerging topic, and no scenario raises false alarms in its unshifted windows beyond alpha's share.
    const at = (share: string) => power.find((p) => p.scenario.includes(share));
    if (at("10 %") && at("20 %")) expect(at("20 %")!.detectedRate).toBeGreaterThanOrEqual(at("10 %")!.detectedRate);
    for (const p of power) expect(p.unshiftedFlagged).toBeLessThanOrEqual(Math.max(2, p.trials * 0.05));
  }, 3_600_000);
});
