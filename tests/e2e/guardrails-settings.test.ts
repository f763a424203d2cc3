// Guardrails in the browser: the demo's policies on the settings page, creating a policy that
// becomes the default, trying a text against the draft, editing an action and finding it kept
// after a reload (the selection lives in the URL), a guard call from the API following the new
// default at once, and the overview's guardrail card showing the demo's block and mask rates.
import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

const ctx = useDemoPharos();

describe("browser: guardrail policies", () => {
  it("creates a default policy, tries a text, edits an action, and guard calls follow it", async () => {
    const { server, creds } = ctx;
    const pid = creds.project_id;
    const page = await signInAsDemo(ctx);
    await page.goto(`/project/${pid}/settings/guardrails`);
    const rows = page.getByTestId("guard-policy-row");
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^default\s*default/), expect.stringContaining("strict-kr")]);

    // New policy: block resident registration numbers in inputs, a denied term in outputs, default.
    await page.getByRole("link", { name: "New policy" }).click();
    await page.waitForURL("**/settings/guardrails?new=1");
    const form = page.getByTestId("guard-policy-form");
    await form.getByLabel("Name", { exact: true }).fill("kids");
    await form.getByLabel("Description", { exact: true }).fill("Children's edition");
    await page.getByTestId("action-input-RRN").selectOption("block");
    await form.getByLabel("Denied terms or topics (one per line)").fill("online casino\n도박");
    await page.getByTestId("guard-default").check();

    // Try the unsaved draft first.
    await page.getByLabel("Try a text (Ctrl+Enter)").fill("제 주민번호는 900101-1234567 입니다");
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByTestId("guard-try-result").getByText("block", { exact: true }).waitFor();
    expect(await page.getByTestId("guard-try-result").textContent()).toContain("RRN → block");

    await page.getByRole("button", { name: "Create policy" }).click();
    await page.waitForURL("**/settings/guardrails?policy=kids");
    await page.getByText('Policy "kids" saved').waitFor();
    await page.getByTestId("guard-policy-row").filter({ hasText: "kids" }).getByText("default", { exact: true }).waitFor();

    // Edit one action, save, reload: the URL brings the same policy back with the change kept.
    await page.getByTestId("action-input-EMAIL").selectOption("block");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByText('Policy "kids" saved').last().waitFor();
    await page.reload();
    await page.getByTestId("guard-policy-form").waitFor();
    expect(await page.getByTestId("action-input-EMAIL").inputValue()).toBe("block");
    expect(await page.getByTestId("action-input-RRN").inputValue()).toBe("block");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("kids");

    // The API's guard calls use the new default at once.
    const res = await fetch(`${server.baseUrl}/api/public/guard`, {
      method: "POST", headers: { authorization: `Bearer ${creds.secret_key}`, "content-type": "application/json" },
      body: JSON.stringify({ text: "contact me at kid@example.com", direction: "input" }),
    });
    expect(await res.json()).toMatchObject({ verdict: "block", policy: "kids", findings: [{ type: "EMAIL", action: "block" }] });

    // The audit log has both saves.
    await page.goto(`/project/${pid}/audit`);
    await page.getByText("guard_policy.update").first().waitFor();

    // The overview shows the demo's guardrail rates.
    await page.goto(`/project/${pid}/overview`);
    const card = page.getByTestId("guardrails-card");
    await card.getByTestId("guardrail-rates").waitFor();
    const rates = await card.getByTestId("guardrail-rates").textContent();
    expect(rates).toMatch(/Block rate\s*\d+(\.\d)?%/);
    expect(rates).toMatch(/Mask rate\s*\d+(\.\d)?%/);
    await page.screenshot({ path: "test-results/e2e/guardrails-overview.png", fullPage: true });
  });
});
