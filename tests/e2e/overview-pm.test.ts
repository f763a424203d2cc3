import { describe, expect, it } from "vitest";
import { signInOverHttp } from "../support/http-session";
import { useDemoPharos } from "../support/demo-browser";

describe("browser: a PM reads the overview", () => {
  const demo = useDemoPharos();

  it("signs in, changes the range and a filter, and sees charts and tables that survive a reload", async () => {
    // The demo owner invites a PM; the PM joins through the link in the browser.
    const { creds, server, browser } = demo;
    const owner = (await signInOverHttp(server.baseUrl, creds.email!, creds.password!))!;
    const invite = await fetch(`${server.baseUrl}/api/projects/${creds.project_id}/invites`, {
      method: "POST", headers: { cookie: owner, "content-type": "application/json" }, body: JSON.stringify({ role: "pm" }),
    });
    const { path } = (await invite.json()) as { path: string };

    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1400, height: 1000 } });
    await page.goto(path);
    await page.getByLabel("Email").fill(`pm-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("product manager 1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/overview");
    expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(1);

    await page.getByTestId("chart-volume").waitFor();
    await page.getByTestId("breakdown-model").getByText("gpt-4o-mini", { exact: true }).first().waitFor();

    await page.getByTestId("overview-range").selectOption("7d");
    await page.waitForURL(/range=7d/);
    await page.getByTestId("filter-environment").selectOption("staging");
    await page.waitForURL(/environment=staging/);
    await page.getByTestId("chart-latency").waitFor();

    await page.reload();
    await page.getByTestId("chart-cost").waitFor();
    expect(await page.getByTestId("overview-range").inputValue()).toBe("7d");
    expect(await page.getByTestId("filter-environment").inputValue()).toBe("staging");
    await page.getByTestId("top-users").waitFor();
    // Charts below the fold mount when scrolled near: scroll to them and see them drawn.
    for (const chart of ["chart-latency", "chart-ttft", "chart-cost", "chart-tokens", "chart-flags", "chart-feedback"]) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      await page.getByTestId(chart).locator(".recharts-surface").first().waitFor();
    }
    await page.screenshot({ path: "test-results/e2e/overview-pm.png", fullPage: true });

    // The metrics behind the page answer for this PM; an annotator would get 403 (integration-tested).
    const api = await page.request.get(`/api/projects/${creds.project_id}/metrics?from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}&to=${new Date().toISOString()}&environment=staging`);
    expect(api.status()).toBe(200);
    expect((await api.json()).totals.count).toBeGreaterThan(0);
  });
});
