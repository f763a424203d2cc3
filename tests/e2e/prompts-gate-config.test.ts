// An admin configures the regression run gate of production in the policy dialog, in real
// Chromium against `npm start`'s demo: the API's refusal shows next to the evaluator, the open
// dialog survives a reload (it is in the URL), the saved gate is what the policy API returns,
// and the policy list and the open change request state its terms. Screenshots at 1440 and 1024.
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDemoPharos } from "../support/demo-browser";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { signInOverHttp } from "../support/http-session";
import { joinAs } from "../support/join-as";

const SHOTS = process.env.GATE_SHOTS_DIR ?? "test-results/e2e/prompts-gate";
const KEY = "sk-e2e-gate-0000";
const CITES = "\\[article: [A-Za-z ]+\\]";

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ models: ["gpt-4o-mini", "gpt-4o"], apiKey: KEY });
});
afterAll(() => llm?.close());

async function shoot(page: Page, name: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 1000 });
}

describe("browser: the approval policy's run gate", () => {
  const demo = useDemoPharos();

  it("an admin configures the gate in the policy dialog and the policy API then has it", async () => {
    const { creds, server, browser } = demo;
    const projectId = creds.project_id;
    await mkdir(SHOTS, { recursive: true });
    const ownerCookie = (await signInOverHttp(server.baseUrl, creds.email, creds.password))!;
    const { page } = await joinAs(browser, server.baseUrl, ownerCookie, projectId, "admin");
    const api = `/api/projects/${projectId}`;
    expect((await page.request.post(`${api}/llm-connections`, { data: { name: "fake", baseUrl: llm.url, apiKey: KEY, models: ["gpt-4o-mini", "gpt-4o"] } })).status()).toBe(201);
    const { prompts } = (await (await page.request.get(`${api}/prompts`)).json()) as { prompts: { id: string; name: string }[] };
    const promptId = prompts.find((p) => p.name === "support-answer")!.id;
    const { datasets } = (await (await page.request.get(`${api}/datasets`)).json()) as { datasets: { id: string; name: string }[] };
    const golden = datasets.find((d) => d.name === "support-answer golden set")!;

    // The policies tab; Edit opens the dialog and puts it in the URL.
    await page.goto(`/project/${projectId}/prompts/${promptId}?tab=policies`);
    await page.getByRole("button", { name: "Edit policy for production" }).click();
    await page.waitForURL(/policy=production/);
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Require a passing regression run").check();
    await dialog.getByTestId("run-gate-fields").waitFor();

    // A reload keeps the dialog open (the fields start again from the stored policy).
    await page.reload();
    await dialog.waitFor();
    await dialog.getByLabel("Require a passing regression run").check();
    await dialog.getByLabel("Golden set").selectOption(golden.id);
    await dialog.getByLabel("LLM connection").selectOption({ label: "fake" });
    await dialog.getByLabel("Model").fill("gpt-4o-mini");
    await dialog.locator("#ev-type-0").selectOption("regex");
    // A pattern that backtracks catastrophically: the API refuses it, and the message sits under the evaluators.
    await dialog.locator("#ev-params-0").fill('{ "pattern": "(a+)+$" }');
    await dialog.getByRole("button", { name: "Save policy" }).click();
    const evaluatorsError = dialog.getByTestId("gate-evaluators-error");
    await evaluatorsError.waitFor();
    expect(await evaluatorsError.textContent()).toMatch(/^Evaluator 1 · pattern: /);
    await shoot(page, "dialog-error");

    await dialog.locator("#ev-params-0").fill(JSON.stringify({ pattern: CITES }));
    await evaluatorsError.waitFor({ state: "detached" }); // fixing the field clears its message
    await dialog.getByTestId("evaluator-row").nth(0).getByLabel("required").check();
    await dialog.getByRole("button", { name: "Add evaluator" }).click();
    await dialog.locator("#ev-type-1").selectOption("embedding_similarity");
    await dialog.locator("#ev-threshold-1").fill("0.3");
    await dialog.getByLabel("Minimum pass rate (%)").fill("75");
    await dialog.getByLabel("Max drop vs current version (points)").fill("5");
    await shoot(page, "dialog");
    await dialog.getByRole("button", { name: "Save policy" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(page.url()).not.toMatch(/policy=/);

    // The policy API has the gate, by ids.
    const { policies } = (await (await page.request.get(`${api}/prompts/${promptId}/policies`)).json()) as { policies: { label: string; source: string; requirePassingRun: boolean; runGate: Record<string, unknown> | null }[] };
    const production = policies.find((p) => p.label === "production")!;
    expect(production).toMatchObject({ source: "prompt", requirePassingRun: true });
    const connections = (await (await page.request.get(`${api}/llm-connections`)).json()) as { connections: { id: string; name: string }[] };
    expect(production.runGate).toEqual({
      datasetId: golden.id, connectionId: connections.connections.find((c) => c.name === "fake")!.id, model: "gpt-4o-mini",
      evaluators: [{ type: "regex", pattern: CITES, required: true }, { type: "embedding_similarity", embedder: "offline", threshold: 0.3 }],
      minPassRate: 0.75, maxDropPoints: 5,
    });

    // The list states it; reopening shows the stored values.
    const row = page.getByTestId("policy-row-production");
    await expect.poll(() => row.textContent()).toContain("needs a passing run on support-answer golden set (pass rate ≥ 75 %; no drop > 5 points against the label's version; regex, embedding_similarity)");
    await shoot(page, "policies-tab");
    await page.getByRole("button", { name: "Edit policy for production" }).click();
    expect(await dialog.getByLabel("Golden set").inputValue()).toBe(golden.id);
    expect(await dialog.getByLabel("Max drop vs current version (points)").inputValue()).toBe("5");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // The demo's open change request for production shows the gate's terms in its policy card.
    const crs = (await (await page.request.get(`${api}/prompts/${promptId}/change-requests`)).json()) as { changeRequests: { id: string; label: string }[] };
    const open = crs.changeRequests.find((c) => c.label === "production")!;
    await page.goto(`/project/${projectId}/prompts/${promptId}/change-requests/${open.id}`);
    const terms = page.getByTestId("policy-run-gate");
    await terms.waitFor();
    expect(await terms.textContent()).toContain("required: a passing run on support-answer golden set (pass rate ≥ 75 %");

    // A project without golden sets: the project-default dialog, opened from a link, says so and links to creating one.
    const { project } = (await (await page.request.get(api)).json()) as { project: { orgId: string } };
    const created = await fetch(`${server.baseUrl}/api/orgs/${project.orgId}/projects`, { method: "POST", headers: { cookie: ownerCookie, "content-type": "application/json" }, body: JSON.stringify({ name: "No golden sets" }) });
    expect(created.status).toBe(201);
    const empty = (await created.json()) as { id: string };
    await page.goto(`/project/${empty.id}/settings/prompts?policy=production`);
    await dialog.getByLabel("Require a passing regression run").check();
    const none = dialog.getByTestId("gate-no-datasets");
    await none.waitFor();
    expect(await none.getByRole("link", { name: "Create one" }).getAttribute("href")).toBe(`/project/${empty.id}/datasets`);
    await shoot(page, "dialog-no-golden-sets");
    await dialog.getByRole("button", { name: "Save policy" }).click();
    await dialog.getByText("add an LLM connection first").waitFor();
  });
});
