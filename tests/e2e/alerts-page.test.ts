import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { demoDataDir } from "../support/demo-browser";
import { type PharosServer, readCredentials, startPharos } from "../support/pharos-server";

describe("browser: alerts page", () => {
  let server: PharosServer;
  let browser: Browser;
  const received: string[] = [];
  const hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => (received.push(body), res.writeHead(200).end("ok")));
  });
  beforeAll(async () => {
    await mkdir("test-results/e2e", { recursive: true });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", () => r()));
    [server, browser] = await Promise.all([demoDataDir().then((dataDir) => startPharos({ dataDir })), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => hook.close(() => r()));
  });

  it("creates a rule, sends a test to the webhook, and mutes the rule", async () => {
    const creds = readCredentials(await readFile(`${server.dataDir}/credentials`, "utf8"));
    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(creds.email!);
    await page.getByLabel("Password").fill(creds.password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/project/${creds.project_id}/**`);
    await page.goto(`/project/${creds.project_id}/alerts`);
    await page.getByText("No alert rules yet").waitFor();

    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/slack`;
    await page.getByLabel("Name").fill("Slow answers");
    await page.getByLabel("Measure").selectOption("latency_p95");
    await page.getByLabel("Threshold").fill("2500");
    await page.getByLabel("Webhook URL").fill(hookUrl);
    await page.getByRole("button", { name: "Create rule" }).click();
    const row = page.getByTestId("alert-rule-row");
    await row.waitFor();
    expect(await row.textContent()).toContain("p95 latency > 2500 ms over 5 min");

    await page.getByRole("button", { name: "Send test" }).click();
    await page.getByText("Test delivered (HTTP 200)").waitFor();
    expect(JSON.parse(received.at(-1)!).text).toContain("Slow answers test notification");
    await page.getByTestId("alert-event-row").first().waitFor();

    await page.getByRole("button", { name: "Mute 24h" }).click();
    await page.getByRole("button", { name: "Unmute" }).waitFor();
    await page.screenshot({ path: "test-results/e2e/alerts.png", fullPage: true });
  });
});
