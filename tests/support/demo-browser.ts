// One Pharos started as `npm start` does (demo project seeded) and one Chromium per test
// file, and signing in as the demo owner: the setup every browser test shares.
import { mkdir, readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchChromium, registerSessionToken } from "./browser";
import { copyDataDir, type PharosServer, readCredentials, startPharos } from "./pharos-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** tests/setup/demo-data-dir.ts: a data dir npm start has seeded the demo into (createDemoDataDir). */
    demoDataDir?: string;
  }
}

/**
 * A data dir of its own for one test file's Pharos, with the demo already seeded: a copy of the
 * one the e2e setup made, so the file skips Postgres's initdb, the migrations and the seeding
 * (most of a start) and still shares nothing with other files. Without that setup (another
 * config), undefined: npm start then seeds a fresh one.
 */
export async function demoDataDir(): Promise<string | undefined> {
  const template = inject("demoDataDir");
  return template ? copyDataDir(template) : undefined;
}

export type DemoCredentials = Record<string, string> & { email: string; password: string; project_id: string };

export type DemoPharos = { server: PharosServer; browser: Browser; creds: DemoCredentials };

/**
 * Registers beforeAll/afterAll in the calling describe; the returned object is filled before the
 * tests run. Pharos starts on a copy of the seeded demo data dir (demoDataDir); `firstStart`
 * lets npm start seed it itself, for a test of what the first start does.
 */
export function useDemoPharos(options: Parameters<typeof startPharos>[0] = {}, { firstStart = false } = {}): DemoPharos {
  const ctx = {} as DemoPharos;
  beforeAll(async () => {
    await mkdir("test-results/e2e", { recursive: true });
    const dataDir = options.dataDir ?? (firstStart ? undefined : await demoDataDir());
    [ctx.server, ctx.browser] = await Promise.all([startPharos({ ...options, dataDir }), launchChromium()]);
    ctx.creds = readCredentials(await readFile(`${ctx.server.dataDir}/credentials`, "utf8")) as DemoCredentials;
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

/** A new page signed in as the demo owner, landed in the demo project. */
export async function signInAsDemo(ctx: DemoPharos, viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const page = await ctx.browser.newPage({ baseURL: ctx.server.baseUrl, viewport });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ctx.creds.email);
  await page.getByLabel("Password").fill(ctx.creds.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`**/project/${ctx.creds.project_id}/**`);
  await registerSessionToken(page, ctx.server.baseUrl, "the demo owner");
  return page;
}
