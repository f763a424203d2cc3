import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:chaos`: the long no-loss runs (200,000 spans through Postgres restarts, a SIGKILL of
// Pharos and a frozen Postgres), kept out of `npm test`, which runs the 5,000-span version
// (tests/e2e/no-loss-under-faults.test.ts). Needs the production build, like the e2e tests.
export default mergeConfig({ ...base, test: { ...base.test, projects: undefined } }, defineConfig({
  test: { include: ["tests/chaos/**/*.chaos.ts"], globalSetup: ["tests/setup/build.ts"], testTimeout: 3_600_000, hookTimeout: 600_000, fileParallelism: false },
}));
