import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:calibration`: the long drift calibration and power runs (tens of minutes on
// 2 cores), kept out of `npm test`, which runs the 200-trial H0 check (tests/calibration/h0.test.ts).
export default mergeConfig({ ...base, test: { ...base.test, projects: undefined } }, defineConfig({
  test: { include: ["tests/calibration/**/*.calibration.ts"], testTimeout: 3_600_000, fileParallelism: false },
}));
