// One Pharos started as `npm start` does (demo project seeded) and one Chromium per test
// file, and signing in as the demo owner: the setup every browser test shares.
import { mkdir, readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { type PharosServer, readCredentials, startPharos } from "./pharos-server";

export type DemoCredentials = Record<string, string> & { email: string; password: string; project_id: string };

export type DemoPharos = { server: PharosServer; browser: Browser; creds: DemoCredentials };

/** Registers beforeAll/afterAll in the calling describe; the returned object is filled before the tests run. */
export function useDemoPharos(options: Parameters<typeof startPharos>[0] = {}): DemoPharos {
  const ctx = {} as DemoPharos;
  beforeAll(async () => {
    await mkdir("test-results/e2e", { recursive: true });
    [ctx.server, ctx.browser] = await Promise.all([startPharos(options), launchChromium()]);
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
  return page;
}
