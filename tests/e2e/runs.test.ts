// An engineer runs a prompt over the demo golden set against a fake OpenAI-compatible provider on
// 127.0.0.1 (registered as an LLM connection through the API), watches it finish, and compares it
// with the demo's previous run: the regressed items come first. Screenshots of every runs page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";

const KEY = "sk-e2e-runs-0000";
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: KEY, delayMs: 250 });
  // Refund questions get a cited answer (they pass); everything else an uncited echo (it fails).
  llm.script({ when: { contains: "refund" }, reply: { content: "Refunds reach your card within 5 business days. [article: Refunds]" } });
  llm.script({ when: { contains: "환불" }, reply: { content: "환불은 영업일 기준 5일 이내에 카드로 입금됩니다. [article: Refunds]" } });
});
afterAll(() => llm?.close());

const shoot = async (page: Page, name: string) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 950 });
    await page.screenshot({ path: `test-results/e2e/runs-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 950 });
};

describe("browser: runs", () => {
  const demo = useDemoPharos();

  it("starts a run from a golden set, watches it finish, and compares it with the previous run, regressions first", async () => {
    const { creds } = demo;
    const page = await signInAsDemo(demo, { width: 1440, height: 950 });
    const p = `/project/${creds.project_id}`;
    const conn = await page.request.post(`/api/projects/${creds.project_id}/llm-connections`, { data: { name: "fake", baseUrl: llm.url, apiKey: KEY, models: ["gpt-4o-mini"] } });
    expect(conn.status(), await conn.text()).toBe(201);

    // The demo's runs: v2 then v3 over its golden set, both finished.
    await page.goto(`${p}/runs`);
    // Three with the red-team run the demo also seeds.
    await expect.poll(() => page.getByTestId("run-row").count(), { timeout: 20_000 }).toBe(3);
    await shoot(page, "list");

    await page.goto(`${p}/datasets`);
    await page.getByTestId("dataset-row").filter({ hasText: "support-answer golden set" }).getByRole("link").first().click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByLabel("Prompt", { exact: true }).selectOption({ label: "support-answer" });
    await page.getByLabel("Label or version").selectOption({ label: "v3" });
    await page.getByLabel("LLM connection").selectOption({ label: "fake" });
    await page.getByLabel("Type").selectOption("regex");
    await page.getByLabel("Params (JSON)").fill('{ "pattern": "\\\\[article: [A-Za-z ]+\\\\]" }');
    await page.getByLabel("Concurrency").fill("1");
    await shoot(page, "start-dialog");
    await page.getByRole("button", { name: "Start run", exact: true }).click();

    // Live progress, then the summary.
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    await page.getByTestId("run-progress").waitFor();
    await shoot(page, "progress");
    await page.getByTestId("run-summary").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("run-verdict").first().textContent()).toBe("failed");
    await expect.poll(() => page.getByTestId("run-item-row").count()).toBe(12);
    expect(llm.chatRequests().length).toBe(12);
    await shoot(page, "detail");

    // The comparison with the previous run (the demo's v3): cited refund answers held, the rest regressed.
    await page.getByRole("link", { name: "Compare with previous" }).click();
    await page.waitForURL(/\/runs\/compare\?ids=/);
    const rows = page.getByTestId("compare-row");
    await expect.poll(() => rows.count()).toBe(12);
    const changes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-change")));
    const regressed = changes.filter((c) => c === "regressed").length;
    expect(regressed).toBeGreaterThan(0);
    expect(changes.slice(0, regressed).every((c) => c === "regressed")).toBe(true);
    expect(changes.slice(regressed)).not.toContain("regressed");
    expect(await page.getByTestId("compare-summary").textContent()).toMatch(/McNemar p = 0\.\d{3}/);
    await shoot(page, "compare");

    // Links survive a reload; the pairs download answers JSONL.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(12);
    const href = await page.getByRole("link", { name: /Preference pairs/ }).getAttribute("href");
    const jsonl = await page.request.get(href!);
    expect(jsonl.status()).toBe(200);
    expect(JSON.parse((await jsonl.text()).split("\n")[0]!)).toMatchObject({ metadata: { itemId: expect.any(String) } });
    await page.goto(runUrl);
    await page.getByTestId("run-summary").waitFor();
  });
});
