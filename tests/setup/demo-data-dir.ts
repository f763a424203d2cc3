// Browser tests: npm start seeds the demo into one data dir, once; each test file starts its own
// Pharos on a copy of it (tests/support/demo-browser.ts) instead of seeding its own.
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { createDemoDataDir } from "../support/pharos-server";

export default async function setup(project: TestProject) {
  const dir = await createDemoDataDir();
  project.provide("demoDataDir", dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
