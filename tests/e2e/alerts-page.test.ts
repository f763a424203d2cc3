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
  const received: { path: string; body: string }[] = [];
  const hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => (received.push({ path: req.url ?? "", body }), res.writeHead(200).end("ok")));
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

  it("creates a rule, shows its webhook only masked, edits it keeping or replacing the URL, sends tests to it, and mutes it", async () => {
    const creds = readCredentials(await readFile(`${server.dataDir}/credentials`, "utf8"));
    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(creds.email!);
    await page.getByLabel("Password").fill(creds.password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/project/${creds.project_id}/**`);
    await page.goto(`/project/${creds.project_id}/alerts`);
    // The demo's own rules: muted, their placeholder webhook masked, a week of muted firings and recoveries.
    const demoRow = page.getByTestId("alert-rule-row").filter({ hasText: "Slow answers in production" });
    await demoRow.waitFor();
    expect(await demoRow.textContent()).toContain("https://hooks.slack.com/…/••••");
    await demoRow.getByRole("button", { name: "Unmute" }).waitFor();
    expect(await page.getByTestId("alert-event-row").filter({ hasText: "Slow answers in production" }).count()).toBeGreaterThan(0);

    // A Slack-shaped URL: its path is the secret (the receiver ignores it, and records it).
    const base = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
    const hookUrl = `${base}/services/T0001/B0001/abcdefghijklmnopqrstuvwx1a2b`;
    await page.getByLabel("Name").fill("Checkout latency");
    await page.getByLabel("Measure").selectOption("latency_p95");
    await page.getByLabel("Threshold").fill("2500");
    await page.getByLabel("Webhook URL").fill(hookUrl);
    await page.getByRole("button", { name: "Create rule" }).click();
    const row = page.getByTestId("alert-rule-row").filter({ hasText: "Checkout latency" });
    await row.waitFor();
    expect(await row.textContent()).toContain("p95 latency > 2500 ms over 5 min");
    // Write-only once saved: the owner sees where it goes, never the URL.
    expect(await row.textContent()).toContain(`${base}/…/••••1a2b`);
    expect(await page.content()).not.toContain("abcdefghijklmnopqrstuvwx");

    await row.getByRole("button", { name: "Send test" }).click();
    await page.getByText("Test delivered (HTTP 200)").waitFor();
    expect(JSON.parse(received.at(-1)!.body).text).toContain("Checkout latency test notification");
    await page.getByTestId("alert-event-row").filter({ hasText: "Checkout latency" }).first().waitFor();

    // Edit: the form opens from the URL after a reload, shows the webhook masked, and saving keeps it.
    await row.getByRole("button", { name: "Edit Checkout latency" }).click();
    await page.waitForURL(/[?&]edit=/);
    await page.reload();
    await page.getByRole("heading", { name: 'Edit "Checkout latency"' }).waitFor();
    expect(await page.getByLabel("Webhook URL").inputValue()).toBe(`${base}/…/••••1a2b`);
    expect(await page.getByLabel("Threshold").inputValue()).toBe("2500");
    await page.getByLabel("Threshold").fill("3000");
    await page.getByRole("button", { name: "Save rule" }).click();
    await page.getByText("Alert rule saved").waitFor();
    await page.getByRole("heading", { name: "New alert rule" }).waitFor();
    expect(await row.textContent()).toContain("p95 latency > 3000 ms over 5 min");
    await row.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => received.length).toBe(2);
    expect(received[1]!.path).toBe("/services/T0001/B0001/abcdefghijklmnopqrstuvwx1a2b");

    // Replace: a new URL, typed after "Replace", is where the next test goes.
    await row.getByRole("button", { name: "Edit Checkout latency" }).click();
    await page.getByRole("button", { name: "Replace" }).click();
    await page.getByLabel("Webhook URL").fill(`${base}/services/T0002/B0002/zyxwvutsrqponmlkjihgfedc9f8e`);
    await page.getByRole("button", { name: "Save rule" }).click();
    await page.getByRole("heading", { name: "New alert rule" }).waitFor();
    await row.getByText(`${base}/…/••••9f8e`).waitFor();
    await row.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => received.length).toBe(3);
    expect(received[2]!.path).toBe("/services/T0002/B0002/zyxwvutsrqponmlkjihgfedc9f8e");

    await row.getByRole("button", { name: "Mute 24h" }).click();
    await row.getByRole("button", { name: "Unmute" }).waitFor();
    await page.screenshot({ path: "test-results/e2e/alerts.png", fullPage: true });
  });
});
