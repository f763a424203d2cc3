import { mkdir } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { type PharosServer, startPharos } from "../support/pharos-server";

const SHOTS = "test-results/e2e";

describe("browser: sign up → project → API key → sign out → sign in", () => {
  let server: PharosServer;
  let browser: Browser;
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startPharos(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("walks a new user through their first project and key, and an invited annotator sees no settings", async () => {
    const email = `ada-${Date.now()}@example.test`;
    const password = "analytical engine";
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Ada");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL("**/new-project");
    await page.getByLabel("Project name").fill("support-assistant");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/settings/api-keys");
    await expect.poll(() => page.getByTestId("current-project").textContent()).toBe("support-assistant");
    await page.getByText("No API keys yet").waitFor();

    await page.getByRole("button", { name: "Create API key" }).click();
    await page.getByLabel("Note (optional)").fill("backend");
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = (await page.getByTestId("new-secret-key").textContent())!;
    expect(secret).toMatch(/^sk-ph-[A-Za-z0-9_-]{20,}$/);
    await page.screenshot({ path: `${SHOTS}/api-key-created.png` });
    await page.getByRole("button", { name: "Done" }).click();

    // Shown once: after closing, only the masked form remains.
    const row = page.getByTestId("api-key-row");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("backend");
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await row.first().waitFor();
    expect(await page.content()).not.toContain(secret);

    // The key works against the public API.
    const check = await fetch(`${server.baseUrl}/api/public/projects`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await check.json()).project.name).toBe("support-assistant");

    // Invite an annotator while we are here.
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Role", { exact: true }).selectOption("annotator");
    await page.getByRole("button", { name: "Create invite link" }).click();
    const inviteLink = (await page.getByTestId("invite-link").textContent())!;
    await page.screenshot({ path: `${SHOTS}/members.png` });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in**");
    await page.goto("/");
    await page.waitForURL("**/sign-in**");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong email or password.").waitFor();

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Signing in lands on the first section this role may open.
    await page.waitForURL("**/overview");
    expect(await page.getByTestId("current-project").textContent()).toBe("support-assistant");
    // A project without traces says how to send the first one, on the overview and in the explorer.
    await page.getByTestId("overview-empty").getByText("/api/public/otel/v1/traces").waitFor();
    await page.getByRole("link", { name: "Traces" }).click();
    await page.getByTestId("explorer-empty").getByText("No traces in this project yet").waitFor();
    await page.getByTestId("explorer-empty").getByText("/api/public/otel/v1/traces").waitFor();
    // The built server checks PII patterns for catastrophic backtracking (recheck runs outside the bundle).
    const projectId = new URL(page.url()).pathname.split("/")[2]!;
    const pii = (await (await page.request.get(`/api/projects/${projectId}/settings/ingest`)).json()).pii;
    const redos = await page.request.put(`/api/projects/${projectId}/settings/ingest`, { data: { pii: { ...pii, customPatterns: [{ name: "Words", pattern: "(\\w+\\s?)+$" }] } } });
    expect(redos.status()).toBe(400);
    expect((await redos.json()).error.message).toMatch(/customPatterns\.0\.pattern: Pattern can backtrack/);
    const fine = await page.request.put(`/api/projects/${projectId}/settings/ingest`, { data: { pii: { ...pii, customPatterns: [{ name: "Employee", pattern: "EMP-\\d{5}" }] } } });
    expect(fine.status()).toBe(200);

    // The annotator joins through the link and cannot open settings.
    const other = await browser.newContext({ baseURL: server.baseUrl });
    const annotator = await other.newPage();
    await annotator.goto(inviteLink.replace(/^https?:\/\/[^/]+/, ""));
    await annotator.getByLabel("Email").fill(`grace-${Date.now()}@example.test`);
    await annotator.getByLabel("Password").fill("compiler pioneer");
    await annotator.getByRole("button", { name: "Create account" }).click();
    // An annotator lands on their queues (none yet) and the navigation shows nothing else.
    await annotator.waitForURL("**/annotate");
    await annotator.getByText("When a lead assigns you to a queue it appears here.").waitFor();
    expect(await annotator.getByRole("link", { name: "Settings" }).count()).toBe(0);
    await annotator.goto(annotator.url().replace(/\/annotate$/, "/settings/api-keys"));
    await annotator.getByText("No access").waitFor();
    await annotator.screenshot({ path: `${SHOTS}/annotator-no-settings.png` });
    await other.close();
    await context.close();
  });
});
