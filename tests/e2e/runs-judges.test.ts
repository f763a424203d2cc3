// An engineer configures a tiered LLM judge and self-consistency in the Start run form, runs the
// demo golden set against a fake provider on 127.0.0.1, and reads the result: the summary's
// escalations and cost saved, the flagged items, and a flagged item's samples when it expands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";
import { type FakeChatRequest, type FakeLlm, messageText, startFakeLlm } from "../support/fake-llm";

const KEY = "sk-e2e-judges-0000";
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "judge-cheap", "judge-strong"], apiKey: KEY });
  const verdict = (score: number) => ({ content: JSON.stringify({ score, reasoning: `scored ${score}` }) });
  // The cheap judge is unsure (3) about the two refund items; the strong one answers 4.
  llm.script({ when: { model: "judge-strong" }, reply: verdict(4) });
  llm.script({ when: { model: "judge-cheap" }, reply: (b: FakeChatRequest) => verdict(messageText(b.messages).includes("Refunds") ? 3 : 5) });
  // The system under test answers the same every time, except the two invoice items when re-asked at temperature 1.
  let n = 0;
  llm.script({ reply: (b: FakeChatRequest) => ({ content: b.temperature === 1 && messageText(b.messages).includes("Invoices") ? `made up answer ${++n}: ${["walrus", "violin", "harbour"][n % 3]}` : "You will find it in your account. [article: Help]" }) });
});
afterAll(() => llm?.close());

const shoot = (page: Page, name: string) => page.screenshot({ path: `test-results/e2e/runs-judges-${name}.png`, fullPage: true });

describe("browser: tiered judge and self-consistency", () => {
  const demo = useDemoPharos();

  it("configures both in the form, shows escalations and cost saved, and a flagged item's samples", async () => {
    const { creds } = demo;
    const page = await signInAsDemo(demo, { width: 1440, height: 950 });
    const conn = await page.request.post(`/api/projects/${creds.project_id}/llm-connections`, { data: { name: "fake", baseUrl: llm.url, apiKey: KEY, models: ["gpt-4o-mini"] } });
    expect(conn.status(), await conn.text()).toBe(201);

    await page.goto(`/project/${creds.project_id}/datasets`);
    await page.getByTestId("dataset-row").filter({ hasText: "support-answer golden set" }).getByRole("link").first().click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByLabel("Prompt", { exact: true }).selectOption({ label: "support-answer" });
    await page.getByLabel("Label or version").selectOption({ label: "v3" });
    await page.getByLabel("LLM connection").selectOption({ label: "fake" });

    await page.locator("#ev-type-0").selectOption("llm_judge");
    await page.locator("#ev-params-0").fill('{ "rubric": "Q: {{input}} A: {{output}} Correct?", "model": "judge-cheap" }');
    await page.getByLabel(/^Tiered: escalate uncertain verdicts/).check();
    await page.getByLabel("Strong model").fill("judge-strong");
    expect(await page.getByLabel("Uncertain band from").inputValue()).toBe("3");

    await page.getByRole("button", { name: "Add evaluator" }).click();
    await page.locator("#ev-type-1").selectOption("self_consistency");
    await page.getByLabel(/^Samples \(2–10/).fill("3");
    await page.getByLabel("Agreement by").selectOption("token");
    await page.getByLabel("Minimum pass rate (%)").fill("0");
    await shoot(page, "start-dialog");
    await page.getByRole("button", { name: "Start run", exact: true }).click();

    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByTestId("run-summary").waitFor({ timeout: 90_000 });
    const stats = page.getByTestId("tiered-judge-stats");
    await stats.waitFor();
    expect(await stats.textContent()).toMatch(/Judged12Escalated2Escalation rate16\.7\s?%/);
    expect(llm.chatRequests().filter((r) => r.body?.model === "judge-strong")).toHaveLength(2);
    expect(await page.getByText("2 flagged", { exact: true }).count()).toBe(1);

    await expect.poll(() => page.getByTestId("run-item-row").count()).toBe(12);
    const flagged = page.getByTestId("run-item-row").filter({ hasText: "flagged" });
    expect(await flagged.count()).toBe(2);
    await flagged.first().getByRole("button", { name: /^Show details of item/ }).click();
    const samples = page.getByTestId("consistency-samples").locator("li");
    await expect.poll(() => samples.count()).toBe(3);
    expect(await samples.nth(1).textContent()).toMatch(/made up answer/);
    expect(await page.getByTestId("run-item-details").textContent()).toMatch(/flagged: samples disagree/);
    await shoot(page, "detail");
  });
});
