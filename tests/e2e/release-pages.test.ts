// The release pages as the demo owner uses them, against a Pharos started as `npm start` does:
// the demo's active canary compared and promoted, a new canary started from the list, the audit
// log filtered to prompt changes with the seeded rollback marked as an emergency, the project's
// default production policy edited, and the release webhook receiving real label moves on
// 127.0.0.1. Every page is also photographed at 1440 and 1024 px (test-results/release-ui/).
import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";
import { webhookServer } from "../support/webhook-server";

type Sent = { text: string; pharos: Record<string, unknown> & { event?: string; label?: string; version?: number; kind?: string } };

async function shoot(page: Page, name: string) {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/release-ui/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
}

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("browser: canary, audit, policies and release webhook pages", () => {
  const demo = useDemoPharos();

  it("compares and promotes the demo canary, filters the audit log, edits the default policy and delivers label moves to the release webhook", async () => {
    await mkdir("test-results/release-ui", { recursive: true });
    const receiver = webhookServer();
    const hookUrl = await receiver.start();
    const sent = () => receiver.received.map((r) => r.body as unknown as Sent);
    try {
      const page = await signInAsDemo(demo);
      const projectId = demo.creds.project_id;
      const api = `/api/projects/${projectId}`;
      const { prompts } = (await (await page.request.get(`${api}/prompts`)).json()) as { prompts: { id: string; name: string }[] };
      const promptId = prompts.find((p) => p.name === "support-answer")!.id;
      const { canaries } = (await (await page.request.get(`${api}/prompts/${promptId}/canaries`)).json()) as { canaries: { id: string; status: string; label: string }[] };
      const canary = canaries.find((c) => c.status === "active")!;
      expect(canary.label).toBe("staging");

      // Settings → Prompts: the release webhook, with a test that reaches the receiver.
      await page.goto(`/project/${projectId}/settings/prompts`);
      await page.getByLabel("Webhook URL").fill("http://10.0.0.1/hook");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "body.url" }).waitFor();
      await page.getByLabel("Webhook URL").fill(hookUrl);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("button", { name: "Send test" }).click();
      await page.getByText(/Test delivered \(HTTP 200\)/).waitFor();
      expect(sent().at(-1)!.pharos.kind).toBe("test");

      // The project default for production: 2 approvals, still there after a reload.
      await page.getByRole("button", { name: "Edit policy for production" }).click();
      await page.getByLabel("Required approvals").fill("2");
      // The gate is configured in this dialog now (tests/e2e/prompts-gate-config.test.ts covers it).
      await expect(page.getByLabel(/Require a passing regression run/).isDisabled()).resolves.toBe(false);
      await shoot(page, "policy-dialog");
      await page.getByRole("button", { name: "Save policy" }).click();
      await page.getByText("Policy for production saved").waitFor();
      // The open dialog lives in the URL (a reload reopens it): reload once saving has closed it.
      await page.waitForURL((url) => !url.searchParams.has("policy"));
      await page.reload();
      const production = page.getByTestId("policy-row-production");
      await production.getByText("2 approvals by owner or admin").waitFor();
      expect(await production.textContent()).toContain("project default");
      await page.getByText("What is sent").click();
      await shoot(page, "settings-prompts");

      // The canary page: v3 against v2 with p-values and plain-words verdicts, the guard, Promote.
      await page.goto(`/project/${projectId}/prompts/${promptId}/canaries/${canary.id}`);
      await page.getByRole("heading", { name: /Canary v3 on staging/ }).waitFor();
      const errorRow = page.getByTestId("canary-row-errorRate");
      await errorRow.waitFor();
      const errorText = (await errorRow.textContent())!;
      expect(errorText).toMatch(/(< 0\.001|\d\.\d{3})/);
      expect(errorText).toMatch(/significant/);
      expect(await page.getByTestId("canary-row-calls").textContent()).toMatch(/Calls\d/);
      await page.getByTestId("guard-row-errorRate").waitFor();
      await shoot(page, "canary-active");
      await page.getByRole("button", { name: "Promote v3" }).click();
      await page.getByText("staging now points at v3").waitFor();
      await page.getByRole("heading", { name: /Promoted/ }).waitFor();
      const promoted = await until("the promotion's release event", () => sent().find((s) => s.pharos.event === "prompt.label.moved" && s.pharos.label === "staging"));
      expect(promoted.pharos).toMatchObject({ version: 3, kind: "canary_promote" });
      await shoot(page, "canary-promoted");

      // A label move through the API reaches the receiver too: roll staging back to v2.
      const rollback = await page.request.post(`${api}/prompts/${promptId}/labels/staging/rollback`, { data: { version: 2, reason: "e2e: back to v2" } });
      expect(rollback.status()).toBe(200);
      const back = await until("the rollback's release event", () => sent().find((s) => s.pharos.kind === "rollback" && s.pharos.label === "staging"));
      expect(back.pharos).toMatchObject({ version: 2, emergency: true, reason: "e2e: back to v2" });

      // The canaries list and its start dialog: a new canary of v3 on production.
      await page.goto(`/project/${projectId}/prompts/${promptId}/canaries`);
      await page.getByTestId("canary-list-row").first().waitFor();
      await page.getByRole("button", { name: "Start canary" }).click();
      await page.getByLabel("Label", { exact: true }).selectOption("production");
      await page.getByLabel("Canary version").selectOption("3");
      await page.getByLabel("Share of calls (%)").fill("60");
      await page.getByRole("button", { name: "Start canary" }).last().click();
      await page.getByText("must be at most 50").waitFor();
      await page.getByLabel("Share of calls (%)").fill("10");
      await shoot(page, "start-canary-dialog");
      await page.getByRole("button", { name: "Start canary" }).last().click();
      await page.getByRole("heading", { name: /Canary v3 on production/ }).waitFor();
      await page.goto(`/project/${projectId}/prompts/${promptId}/canaries`);
      await page.getByTestId("canary-list-row").nth(1).waitFor();
      await shoot(page, "canaries-list");

      // The audit page: the sidebar entry, a `prompt.` filter in the URL, the rollbacks marked.
      await page.getByRole("link", { name: "Audit", exact: true }).click();
      await page.waitForURL(`**/project/${projectId}/audit`);
      await page.getByTestId("audit-entry").first().waitFor();
      await page.getByLabel("Action starts with").fill("prompt.");
      await page.getByLabel("Action starts with").press("Enter");
      await page.waitForURL(/action=prompt\./);
      const emergencies = page.locator('[data-testid="audit-entry"][data-emergency]');
      await emergencies.filter({ hasText: "v2 quoted the wrong refund window" }).waitFor();
      await emergencies.filter({ hasText: "e2e: back to v2" }).waitFor();
      expect(await emergencies.first().textContent()).toContain("Emergency rollback");
      const actions = await page.getByTestId("audit-entry").locator("code").allTextContents();
      expect(actions.length).toBeGreaterThan(5);
      expect(actions.every((a) => a.startsWith("prompt."))).toBe(true);
      expect(actions).toContain("prompt.policy.update");
      await shoot(page, "audit");
      await page.getByLabel("Action starts with").fill("");
      await page.getByLabel("When").selectOption("24h");
      await page.getByLabel("Action starts with").fill("no.such.action");
      await page.getByLabel("Action starts with").press("Enter");
      await page.getByText("Nothing matches these filters").waitFor();
      await page.waitForURL(/action=no\.such\.action&range=24h/);
      await shoot(page, "audit-empty");
    } finally {
      await receiver.close();
    }
  });
});
