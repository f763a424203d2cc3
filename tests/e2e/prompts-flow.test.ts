import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Pharos } from "../../sdk/src/index";
import { useDemoPharos, signInAsDemo } from "../support/demo-browser";
import { signInOverHttp } from "../support/http-session";
import { joinAs } from "../support/join-as";

const SHOTS = "test-results/e2e/prompts";
const NEW_SYSTEM = "You are a support agent for {{company}}. Reply in the customer's language, in one short paragraph, and link the help-center article you used.\n\n{{#articles}}- {{title}}: {{summary}}\n{{/articles}}";
const XSS = `<img src=x onerror="window.__xss=1">`;

/** Every page we built, at the two widths people use (a laptop, a small laptop or a split screen). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/${name}-1024.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });
}

describe("browser: a prompt change goes from an edit to production, and back", () => {
  const demo = useDemoPharos();

  it("an engineer edits and proposes for production, an admin approves and merges, the SDK gets it, the owner rolls back, and the audit log has every step", async () => {
    const { creds, server, browser } = demo;
    const projectId = creds.project_id;
    await mkdir(SHOTS, { recursive: true });
    const ownerCookie = (await signInOverHttp(server.baseUrl, creds.email, creds.password))!;
    // A fresh SDK client per check: what an app's next fetch of production gets, with no SDK cache in between.
    const productionVersion = async () => {
      const pharos = new Pharos({ baseUrl: server.baseUrl, secretKey: creds.secret_key! });
      try {
        return (await pharos.getPrompt("support-answer")).version;
      } finally {
          }
    };
    expect(await productionVersion()).toBe(2);

    // The engineer finds the prompt from the sidebar; its labels show on the list.
    const startedAt = new Date(Date.now() - 1000).toISOString();
    const { page: eng, email: engineerEmail } = await joinAs(browser, server.baseUrl, ownerCookie, projectId, "engineer");
    await eng.getByRole("link", { name: "Prompts", exact: true }).click();
    const row = eng.getByTestId("prompt-row").filter({ hasText: "support-answer" });
    await row.waitFor();
    expect(await row.getByTestId("label-badge").allTextContents()).toEqual(["production v2", "staging v2", "latest v3"]);
    await shoot(eng, "list");
    await eng.getByLabel("Search prompts").fill("nothing-like-this");
    await eng.waitForURL(/q=nothing-like-this/);
    await eng.getByText("No prompt matches these filters").waitFor();
    await eng.goto(`/project/${projectId}/prompts`);
    await row.getByRole("link").click();
    await eng.waitForURL(/\/prompts\/[^/?]+$/);
    const promptUrl = eng.url();
    const promptId = promptUrl.split("/prompts/")[1]!;

    // Versions: newest selected; j moves to v2 (in the URL), d diffs it against v1.
    await eng.getByTestId("version-list").waitFor();
    await eng.getByTestId("chat-message").first().waitFor();
    await shoot(eng, "versions");
    await eng.keyboard.press("j");
    await eng.waitForURL(/version=2/);
    await eng.locator('[data-testid="version-row"][aria-selected="true"][data-version="2"]').waitFor();
    await eng.keyboard.press("d");
    await eng.waitForURL(/tab=diff.*from=1.*to=2|tab=diff.*to=2.*from=1/);
    await eng.getByTestId("template-diff").getByTestId("diff-added").first().waitFor();
    await eng.reload(); // the diff survives a reload: its state is the URL
    await eng.getByTestId("config-diff").getByTestId("diff-removed").filter({ hasText: "0.7" }).waitFor();
    await shoot(eng, "diff");

    // Try it: a missing required variable is named; filled in, the compiled chat shows the values as text.
    await eng.goto(`${promptUrl}?tab=try`);
    await eng.getByLabel("company", { exact: true }).fill("Acme");
    await eng.getByLabel("history — message list (JSON)").fill('[{"role":"user","content":"Earlier question"}]');
    await eng.getByRole("button", { name: "Compile" }).click();
    await eng.getByRole("alert").filter({ hasText: "variables.question" }).waitFor();
    expect(await eng.getByLabel("question", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await eng.getByLabel("question", { exact: true }).fill(XSS);
    await eng.getByRole("button", { name: "Compile" }).click();
    await eng.getByTestId("compiled-template").getByText(XSS).waitFor();
    await eng.getByTestId("compiled-template").getByText("Earlier question").waitFor();
    await shoot(eng, "try-it");

    // Edit from the latest: unchanged content saves nothing and says so (the API's 200), a change makes v4.
    await eng.goto(promptUrl);
    await eng.getByTestId("version-list").waitFor();
    await eng.keyboard.press("e");
    const edit = eng.getByTestId("edit-form");
    await edit.waitFor();
    await eng.getByTestId("nothing-changed").filter({ hasText: "Same content as the latest version (v3)" }).waitFor();
    const [unchanged] = await Promise.all([
      eng.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/projects/${projectId}/prompts`)),
      eng.getByRole("button", { name: "Save new version" }).click(),
    ]);
    expect(unchanged.status()).toBe(200);
    await eng.locator('[data-testid="nothing-changed"][data-confirmed="true"]').filter({ hasText: "v3 already has this content" }).waitFor();
    await eng.getByLabel("Message 1 content").fill(NEW_SYSTEM);
    await eng.getByLabel("Commit message").fill("One short paragraph, and link the article");
    await shoot(eng, "edit");
    await eng.getByRole("button", { name: "Save new version" }).click();
    await eng.getByTestId("version-created").filter({ hasText: "v4" }).waitFor();
    // "Propose for …" offers production and staging, never latest.
    const labels = await eng.getByLabel("Propose for label").locator("option").allTextContents();
    expect(labels).toContain("production");
    expect(labels).not.toContain("latest");
    await eng.getByLabel("Why (optional, shown to reviewers)").fill("Answers were too long on mobile");
    await eng.getByRole("button", { name: "Propose v4 for production" }).click();
    await eng.waitForURL(/\/change-requests\/[^/?]+$/);
    const crUrl = eng.url();

    // The change request shows the diff v2 → v4 and why it cannot merge yet.
    await eng.getByTestId("template-diff").getByTestId("diff-added").filter({ hasText: "one short paragraph" }).waitFor();
    await eng.getByTestId("approval-count").filter({ hasText: "0 of 1 approval" }).waitFor();
    expect(await eng.getByRole("button", { name: "Merge" }).isDisabled()).toBe(true);
    await shoot(eng, "change-request-open");

    // An admin approves and merges.
    const { page: admin, email: adminEmail } = await joinAs(browser, server.baseUrl, ownerCookie, projectId, "admin");
    await admin.goto(crUrl.replace(server.baseUrl, ""));
    await admin.getByLabel("Your review").fill("Read the diff and ten traces; ship it.");
    await admin.getByRole("button", { name: "Approve" }).click();
    await admin.getByTestId("approval-count").filter({ hasText: "1 of 1 approval" }).waitFor();
    await admin.getByTestId("review").filter({ hasText: "ship it" }).waitFor();
    await admin.getByRole("button", { name: "Merge" }).click();
    await admin.getByTestId("change-request-title").filter({ hasText: "merged" }).waitFor();
    await shoot(admin, "change-request-merged");

    // The SDK's next fetch returns v4 (a label move reaches the fetch cache within a second).
    await expect.poll(productionVersion, { timeout: 5_000 }).toBe(4);

    // The owner rolls production back to v2 with a reason; the emergency move is listed.
    const owner = await signInAsDemo(demo, { width: 1440, height: 1000 });
    await owner.goto(`/project/${projectId}/prompts/${promptId}?tab=labels&label=production`);
    await owner.getByTestId("label-move").first().waitFor();
    await owner.getByRole("button", { name: "Roll back…" }).click();
    await owner.getByLabel("Back to (versions that once held production)").selectOption("2");
    expect(await owner.getByRole("button", { name: "Roll back to v2" }).isDisabled()).toBe(true); // the reason is required
    await owner.getByLabel("Reason (required)").fill("v4 drops the article link in Korean answers");
    await owner.waitForTimeout(200); // the button's colour transition from disabled
    await owner.screenshot({ path: `${SHOTS}/rollback-dialog-1440.png` });
    await owner.getByRole("button", { name: "Roll back to v2" }).click();
    await owner.getByTestId("label-move").first().filter({ hasText: "v4 drops the article link" }).waitFor();
    expect(await owner.getByTestId("label-move").first().getAttribute("data-kind")).toBe("rollback");
    await shoot(owner, "labels");
    await expect.poll(productionVersion, { timeout: 5_000 }).toBe(2);

    // The remaining tabs render for the screenshots: change requests (merged) and metrics.
    await owner.goto(`/project/${projectId}/prompts/${promptId}?tab=changes&status=all`);
    await owner.getByTestId("change-request-row").first().waitFor();
    await shoot(owner, "change-requests");
    // The demo's request for v3 was opened on production v2; production has moved since, so it is stale and offers Rebase.
    await owner.getByTestId("change-request-row").filter({ hasText: "stale" }).click();
    await owner.getByTestId("stale-banner").getByRole("button", { name: "Rebase" }).waitFor();
    expect(await owner.getByRole("button", { name: "Merge" }).isDisabled()).toBe(true);
    await shoot(owner, "change-request-stale");
    await owner.goto(`/project/${projectId}/prompts/${promptId}?tab=metrics`);
    await owner.getByTestId("metrics-row").first().waitFor();
    await shoot(owner, "metrics");

    // A project without prompts says how to create one, here and from CI.
    const { project } = (await (await owner.request.get(`/api/projects/${projectId}`)).json()) as { project: { orgId: string } };
    const empty = (await (await owner.request.post(`/api/orgs/${project.orgId}/projects`, { data: { name: "No prompts yet" } })).json()) as { id: string };
    await owner.goto(`/project/${empty.id}/prompts`);
    await owner.getByTestId("prompts-curl").filter({ hasText: "/api/public/prompts" }).waitFor();
    await shoot(owner, "list-empty");
    await owner.getByRole("button", { name: "New prompt" }).first().click();
    await owner.getByLabel("Name").fill("support/triage");
    await owner.getByRole("dialog").getByText("Chat", { exact: true }).click();
    await owner.getByTestId("chat-row").first().waitFor();
    await shoot(owner, "new-prompt-dialog");
    await owner.getByLabel("Message 1 content").fill("Sort the ticket for {{company}} into billing, bug or question.");
    await owner.getByRole("button", { name: "Create prompt" }).click();
    await owner.waitForURL(new RegExp(`/project/${empty.id}/prompts/[^/?]+$`));
    await owner.getByTestId("prompt-name").filter({ hasText: "support/triage" }).waitFor();
    await owner.goto(`/project/${empty.id}/prompts`);
    await owner.getByTestId("prompt-folder").filter({ hasText: "support/" }).waitFor();

    // The audit log has every step, with who did it.
    const audit = (await (await owner.request.get(`/api/projects/${projectId}/audit?${new URLSearchParams({ action: "prompt.", from: startedAt })}`)).json()) as {
      entries: { action: string; actorUserId: string | null; after: Record<string, unknown> | null }[];
      users: Record<string, { email: string }>;
    };
    const who: Record<string, string> = { [engineerEmail]: "engineer", [adminEmail]: "admin", [creds.email]: "owner" };
    expect(audit.entries.map((e) => `${e.action} by ${who[audit.users[e.actorUserId ?? ""]?.email ?? ""] ?? "?"}`).reverse()).toEqual([
      "prompt.version.create by engineer",
      "prompt.change_request.open by engineer",
      "prompt.change_request.approve by admin",
      "prompt.label.merge by admin",
      "prompt.label.rollback by owner",
    ]);
    expect(JSON.stringify(audit.entries[0]!.after)).toContain("v4 drops the article link");
    // The audit page shows the same steps, the rollback marked as an emergency.
    await owner.goto(`/project/${projectId}/audit?action=prompt.`);
    const entries = owner.getByRole("list", { name: "Audit entries" });
    for (const action of ["prompt.version.create", "prompt.change_request.open", "prompt.change_request.approve", "prompt.label.merge", "prompt.label.rollback"]) {
      await entries.getByText(action, { exact: true }).first().waitFor();
    }
    await entries.getByText("Emergency rollback").first().waitFor();
    await owner.getByText("v4 drops the article link").first().waitFor();
    expect(await eng.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
