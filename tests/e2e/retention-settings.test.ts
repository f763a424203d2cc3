// Data retention in Settings → General, in real Chromium against `npm start`'s demo: the demo's
// seeded 90 days are shown with the oldest trace, a value that would delete stored traces warns
// before saving, a save survives a reload and is what the API answers, and an engineer sees the
// setting without the controls. Screenshots at 1440 and 1024 (test-results/e2e/retention).
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";
import { signInOverHttp } from "../support/http-session";
import { joinAs } from "../support/join-as";

const SHOTS = "test-results/e2e/retention";

async function shoot(page: Page, name: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
}

describe("browser: data retention settings", () => {
  const demo = useDemoPharos();

  it("the owner sees the demo's 90 days, is warned before a value that deletes traces, and saves 30 days", async () => {
    await mkdir(SHOTS, { recursive: true });
    const page = await signInAsDemo(demo);
    const projectId = demo.creds.project_id;
    await page.goto(`/project/${projectId}/settings/general`);
    const card = page.getByRole("form", { name: "Data retention" });
    await expect.poll(() => card.getByTestId("retention-current").textContent()).toMatch(/Traces are kept 90 days: the next pass deletes those that started before \d{4}-\d\d-\d\d \(UTC\)\. Oldest trace stored: \d{4}-\d\d-\d\d\./);
    await shoot(page, "owner-90-days");

    // 2 days would delete most of the demo's week: the card says so before anything is saved.
    await card.getByLabel("Days to keep traces").fill("2");
    await card.getByRole("status").filter({ hasText: "Saving deletes, within the hour, every trace that started before" }).waitFor();
    await shoot(page, "owner-warning");
    await card.getByRole("button", { name: "30 d" }).click();
    expect(await card.getByRole("status").count()).toBe(0);
    await card.getByRole("button", { name: "Save retention" }).click();
    await page.getByText("Traces are kept 30 days", { exact: true }).waitFor(); // the toast

    await page.reload();
    await expect.poll(() => page.getByTestId("retention-current").textContent()).toMatch(/Traces are kept 30 days/);
    const api = await (await page.request.get(`/api/projects/${projectId}/settings/retention`)).json();
    expect(api.days).toBe(30);
  });

  it("an engineer sees the retention but cannot change it", async () => {
    const ownerCookie = (await signInOverHttp(demo.server.baseUrl, demo.creds.email, demo.creds.password))!;
    const { page } = await joinAs(demo.browser, demo.server.baseUrl, ownerCookie, demo.creds.project_id, "engineer");
    await page.goto(`/project/${demo.creds.project_id}/settings/general`);
    const card = page.getByRole("form", { name: "Data retention" });
    await card.getByText("Only owners and admins can change retention.").waitFor();
    expect(await card.getByLabel("Days to keep traces").isDisabled()).toBe(true);
    expect(await card.getByRole("button", { name: "Save retention" }).count()).toBe(0);
    // The API agrees with the page.
    expect((await page.request.put(`/api/projects/${demo.creds.project_id}/settings/retention`, { data: { days: 1 } })).status()).toBe(403);
    await shoot(page, "engineer-read-only");
  });
});
