import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:overload`: a production server at 3× its measured ingest capacity (about a
// minute of load after the build); kept out of `npm test`, whose CI budget it would eat.
export default mergeConfig({ ...base, test: { ...base.test, projects: undefined } }, defineConfig({
  test: {
    include: ["tests/overload/**/*.test.ts"],
    globalSetup: ["tests/setup/build.ts"],
    testTimeout: 600_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
}));
