import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Route handlers and services import "server-only"; under test they run on the server.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Some pure tests load large tables first (js-tiktoken's BPE ranks, the offline embedder):
          // CPU-bound, so they take seconds when integration and browser tests share the cores.
          testTimeout: 20_000,
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "tests/support/**/*.test.ts", "tests/architecture/**/*.test.ts", "tests/sdk/**/*.test.ts", "tests/quality/**/*.test.ts", "tests/calibration/**/*.test.ts", "bench/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/build.ts", "tests/setup/demo-data-dir.ts"],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
