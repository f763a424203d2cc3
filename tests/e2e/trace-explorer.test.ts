import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

describe("browser: an engineer explores traces", () => {
  const demo = useDemoPharos();

  it("filters and searches Korean text, keeps the view across a reload, saves it and applies it again", async () => {
    const { creds, server } = demo;
    const page = await signInAsDemo(demo, { width: 1600, height: 1000 });

    const base = `/project/${creds.project_id}/traces`;
    await page.goto(base);
    const rows = page.getByTestId("trace-row");
    await rows.first().waitFor();
    // Virtualized: far fewer rows in the DOM than the ~1,100 demo traces.
    expect(await rows.count()).toBeLessThan(100);

    await page.getByTestId("filter-environment").selectOption("staging");
    await page.waitForURL(/environment=staging/);
    await page.keyboard.press("/");
    await page.keyboard.type("환불은 보통");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=/);
    await page.getByTestId("sort-latency").click();
    await page.waitForURL(/sort=latency/);
    await expect.poll(async () => (await rows.first().textContent()) ?? "").toContain("환불은 보통");

    const api = await page.request.get(`/api/projects/${creds.project_id}/traces?environment=staging&q=${encodeURIComponent("환불은 보통")}&sort=latency&limit=100`);
    const listed = (await api.json()) as { data: { environment: string; inputPreview: string; latencyMs: number }[] };
    expect(listed.data.length).toBeGreaterThan(0);
    for (const r of listed.data) {
      expect(r.environment).toBe("staging");
      expect(r.inputPreview).toContain("환불은 보통");
    }
    const latencies = listed.data.map((r) => r.latencyMs);
    expect(latencies).toEqual([...latencies].sort((a, b) => b - a));
    await expect.poll(() => rows.count()).toBe(Math.min(listed.data.length, 100));

    await page.reload();
    await rows.first().waitFor();
    expect(await page.getByTestId("trace-search").inputValue()).toBe("환불은 보통");
    expect(await page.getByTestId("filter-environment").inputValue()).toBe("staging");
    expect(await page.getByTestId("sort-latency").locator("xpath=..").getAttribute("aria-sort")).toBe("descending");
    const viewUrl = page.url();

    await page.getByTestId("saved-views").click();
    await page.getByTestId("saved-view-save").click();
    await page.getByTestId("view-name").fill("Slow Korean refunds (staging)");
    await page.getByTestId("view-save").click();
    await page.getByText('Saved view "Slow Korean refunds (staging)"').waitFor();
    await expect.poll(async () => page.getByTestId("saved-views").textContent()).toContain("Slow Korean refunds (staging)");

    await page.goto(base);
    await rows.first().waitFor();
    expect(await page.getByTestId("trace-search").inputValue()).toBe("");
    await page.getByTestId("saved-views").click();
    await page.getByTestId("saved-view").filter({ hasText: "Slow Korean refunds (staging)" }).click();
    await page.waitForURL(/sort=latency/);
    expect(page.url()).toBe(viewUrl);
    await expect.poll(async () => (await rows.first().textContent()) ?? "").toContain("환불은 보통");

    // j selects the first row; the screenshot shows the selection.
    await page.keyboard.press("j");
    await expect.poll(() => rows.first().getAttribute("aria-selected")).toBe("true");
    await page.screenshot({ path: "test-results/e2e/trace-explorer.png" });

    // Infinite loading: scrolling to the end fetches page after page by cursor until every trace of the range is listed.
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    let total = 0;
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const res = await page.request.get(`/api/projects/${creds.project_id}/traces?from=${from}&limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      const body = (await res.json()) as { data: unknown[]; nextCursor: string | null };
      total += body.data.length;
      cursor = body.nextCursor;
    }
    expect(total).toBeGreaterThan(1000);
    await page.goto(`${base}?range=30d`);
    await rows.first().waitFor();
    const table = page.getByTestId("trace-table");
    const end = page.getByTestId("trace-list-end");
    for (let i = 0; i < 60 && !(await end.isVisible()); i++) {
      await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(250);
    }
    expect(await end.textContent()).toContain(`${total.toLocaleString("en")} traces — end of list`);
    expect(await rows.count()).toBeLessThan(100);

    // A search that matches nothing offers to clear; Enter on a row opens its detail route.
    await page.goto(`${base}?q=${encodeURIComponent("no such text anywhere 9f8e7d")}`);
    await page.getByTestId("explorer-empty").getByText("No traces match this view").waitFor();
    await page.screenshot({ path: "test-results/e2e/trace-explorer-empty.png" });
    await page.getByTestId("empty-clear").click();
    await rows.first().waitFor();
    const firstId = await rows.first().getAttribute("data-trace-id");
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/traces/${firstId}`);
  });
});
