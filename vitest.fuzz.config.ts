import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:fuzz`: the fuzz properties of `npm test` (2,000 cases) ×50 — over 100,000 cases
// against the real Postgres. A failure prints fast-check's seed and path; replay it with
// FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run --project integration <file>.
export default mergeConfig({ ...base, test: { ...base.test, projects: undefined } }, defineConfig({
  test: {
    include: ["tests/integration/fuzz-*.test.ts"],
    globalSetup: ["tests/setup/database.ts"],
    setupFiles: ["tests/setup/env.ts"],
    provide: { fuzzScale: 50 },
    testTimeout: 7_200_000,
    hookTimeout: 120_000,
  },
}));
