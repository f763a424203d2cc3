import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/drift/math/decide";
import { runH0 } from "./h0-calibration";

// The short H0 calibration (200 trials) that runs in `npm test`; `npm run test:calibration`
// runs 2,000 and the power tests. Both drive driftSeries, the function the report job calls
// (see clustered-traffic.ts).
describe("drift H0 calibration (short)", () => {
  it("keeps the family-wise false-positive rate over 7 windows at or below alpha on clustered agent traffic", async () => {
    const result = await runH0({ trials: 200, tracesPerDay: 60 });
    console.log(`H0 short: ${result.familyWise}/${result.trials} family-wise false positives (95 % CP [${result.lower95.toFixed(4)}, ${result.upper95.toFixed(4)}]), ${result.windowsTested} of ${result.windows} windows permutation-tested, ${result.ms} ms`);
    expect(result.lower95).toBeLessThanOrEqual(DEFAULT_THRESHOLDS.alpha);
    // Not vacuous: a good share of windows clears the effect floor and is permutation-tested.
    expect(result.windowsTested).toBeGreaterThan(result.windows * 0.15);
  }, 300_000);
});
