import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

describe("browser: drift page", () => {
  // The first start, not a copy of a seeded data dir: its worker must embed the demo and compute the first report.
  const demo = useDemoPharos({}, { firstStart: true });

  it("shows the demo project's drifted window, its clusters, and sends a cluster to the inbox", async () => {
    const { creds, server } = demo;
    const page = await signInAsDemo(demo, { width: 1400, height: 1000 });

    // The worker embeds the demo's spans and computes the first report on start.
    const deadline = Date.now() + 120_000;
    await page.goto(`/project/${creds.project_id}/drift`);
    const chartShown = () => page.getByTestId("drift-chart").waitFor({ timeout: 5_000 }).then(() => true, () => false);
    while (!(await chartShown())) {
      expect(Date.now(), `a drift report should appear within 2 minutes of start; server output:\n${server.output().slice(-3000)}`).toBeLessThan(deadline);
      await page.reload();
    }
    // Seeded late in the UTC day, the first window holds too little data to test: "of 6", not "of 7".
    await page.getByText(/Drift in \d+ of [67] windows/).waitFor();
    // Drifted windows are drawn as marked points on the chart.
    expect(await page.getByTestId("drifted-window").count()).toBeGreaterThan(0);

    const clusters = page.getByTestId("drift-cluster");
    await clusters.first().waitFor();
    expect(await clusters.count()).toBeGreaterThan(1);
    const top = (await clusters.first().textContent()) ?? "";
    expect(top).toMatch(/over-represented/);
    expect(top).toMatch(/환불/);
    expect(await page.locator("[data-testid=drift-projection] .recharts-scatter-symbol").count()).toBeGreaterThan(100);
    await page.getByTestId("drift-deep-check").waitFor();
    await page.screenshot({ path: "test-results/e2e/drift.png", fullPage: true });

    await clusters.first().getByRole("button", { name: /Send \d+ to inbox/ }).click();
    await page.getByText(/sent to the inbox \(reason: drift\)/).waitFor();

    // Filters live in the URL; "Compute now" makes a filtered report through the worker.
    await page.getByLabel("Environment").fill("production");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/env=production/);
    await page.getByText(/with these filters yet/).waitFor();
    await page.getByRole("button", { name: "Compute now" }).click();
    await page.getByTestId("drift-chart").waitFor({ timeout: 60_000 });
    // Filtered to production, a window at either end can hold too few vectors to test (how many depends
    // on the hour the demo was seeded), so the verdict counts the tested windows, not always 7.
    await page.getByText(/Drift in \d+ of [1-7] windows|No significant drift in [1-7] windows?/).waitFor();
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByTestId("drift-projection").waitFor();

    // A point of the projection opens its trace (the map may still re-render after "Clear": retry the click).
    await page.waitForURL((url) => !url.search.includes("env="));
    const symbols = page.locator("[data-testid=drift-projection] .recharts-scatter-symbol");
    await expect.poll(() => symbols.count()).toBeGreaterThan(10);
    for (let attempt = 0; ; attempt++) {
      await symbols.nth(attempt).click({ force: true, timeout: 5_000 }).catch(() => undefined);
      try {
        await page.waitForURL(`**/project/${creds.project_id}/traces/**`, { timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  });
});
