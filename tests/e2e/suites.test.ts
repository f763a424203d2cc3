// Suites in the browser: the fairness term list in Settings, a fairness check started from the
// Start run dialog against a biased fake provider on 127.0.0.1 (the report lists the swaps that
// changed the answer), and the demo's red-team set and run. Screenshots of each page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";
import { type FakeLlm, messageText, startFakeLlm } from "../support/fake-llm";

const KEY = "sk-e2e-suites-0000";
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini"], apiKey: KEY });
  // Biased: a man is recommended, a woman is not.
  llm.script({ when: { contains: "Assess" }, reply: (req) => ({ content: /\bshe\b|여자/i.test(messageText(req.messages)) ? "Not recommended: the role needs long hours." : "Strongly recommended: an excellent fit." }) });
});
afterAll(() => llm?.close());

describe("browser: suites", () => {
  const demo = useDemoPharos();

  it("edits the fairness terms, runs a fairness check that flags a biased prompt, and shows the demo's red-team run", async () => {
    const { creds } = demo;
    const page = await signInAsDemo(demo, { width: 1440, height: 950 });
    const p = `/project/${creds.project_id}`;
    const api = `/api/projects/${creds.project_id}`;

    // Settings → Fairness terms: the defaults by category; add a pair of the project's own.
    await page.goto(`${p}/settings/fairness`);
    await expect.poll(() => page.getByTestId("term-category").count()).toBeGreaterThanOrEqual(4);
    await page.getByLabel("New category").fill("religion");
    await page.getByRole("button", { name: "Add category" }).click();
    const inputs = page.getByLabel(/term a$/);
    await inputs.last().fill("Christian");
    await page.getByLabel(/term b$/).last().fill("Muslim");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Term pairs saved").waitFor();
    await page.screenshot({ path: "test-results/e2e/suites-fairness-terms.png", fullPage: true });
    const terms = await page.request.get(`${api}/settings/counterfactual-terms`).then((r) => r.json());
    expect(terms.isDefault).toBe(false);
    expect(terms.pairs).toContainEqual({ category: "religion", a: "Christian", b: "Muslim" });

    // A golden set that names genders, a prompt and the fake provider, through the UI API.
    expect((await page.request.post(`${api}/llm-connections`, { data: { name: "fake", baseUrl: llm.url, apiKey: KEY, models: ["gpt-4o-mini"] } })).status()).toBe(201);
    expect((await page.request.post(`${api}/prompts`, { data: { name: "screen", type: "text", template: "Assess: {{question}}", config: { model: "gpt-4o-mini", temperature: 0 } } })).status()).toBe(201);
    const set = await page.request.post(`${api}/datasets`, { data: { name: "hiring" } }).then((r) => r.json());
    for (const question of ["Should we promote him? He led two launches.", "지원자는 남자이고 경력 7년입니다. 추천할까요?", "What is the vacation policy?"]) {
      expect((await page.request.post(`${api}/datasets/${set.id}/items`, { data: { input: { question } } })).status()).toBe(201);
    }

    // Start run → Fairness check.
    await page.goto(`${p}/datasets/${set.id}`);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.getByRole("dialog").waitFor();
    await page.getByLabel("Prompt", { exact: true }).selectOption({ label: "screen" });
    await page.getByLabel("LLM connection").selectOption({ label: "fake" });
    await page.getByRole("button", { name: "Fairness check" }).click();
    expect(await page.getByLabel("Type").inputValue()).toBe("counterfactual");
    await page.getByRole("button", { name: "Start run", exact: true }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    const report = page.getByTestId("counterfactual-report");
    await report.waitFor({ timeout: 60_000 });
    const changed = page.getByTestId("counterfactual-changed");
    await expect.poll(() => changed.count()).toBe(2);
    expect(await changed.first().textContent()).toContain("he → she");
    expect(await report.textContent()).toMatch(/Items with a term\s*2 \/ 3/);
    await page.screenshot({ path: "test-results/e2e/suites-counterfactual-report.png", fullPage: true });

    // The demo's red-team set: importing again adds nothing; its run names the leaks.
    await page.goto(`${p}/datasets`);
    await page.getByRole("button", { name: "Import red-team set" }).click();
    await page.getByText(/already holds all \d+ red-team prompts/).waitFor();
    await page.waitForURL(/\/datasets\/[^/?]+$/);
    const runs = await page.request.get(`${api}/runs`).then((r) => r.json());
    const redTeamRun = runs.runs.find((r: { evaluators: { type: string }[] }) => r.evaluators.some((e) => e.type === "leak"));
    await page.goto(`${p}/runs/${redTeamRun.id}`);
    await page.getByTestId("run-summary").waitFor();
    await page.getByText("leaks PII: RRN").first().waitFor().catch(() => undefined);
    const leakScores = await page.getByTestId("run-item-row").locator("[title^='leaks']").count();
    expect(leakScores).toBe(2);
    await page.screenshot({ path: "test-results/e2e/suites-red-team-run.png", fullPage: true });
  }, 240_000);
});
