import { describe, expect, it } from "vitest";
import { signInOverHttp } from "../support/http-session";
import { useDemoPharos } from "../support/demo-browser";

const XSS_COMMENT = `<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>`;

describe("browser: an engineer triages a failure into a golden set", () => {
  const demo = useDemoPharos();

  it("opens an inbox item with the keyboard, reads the trace, promotes it with an edited expected output and finds it in the golden set", async () => {
    // The demo owner invites an engineer, who joins through the link.
    const { creds, server, browser } = demo;
    const projectId = creds.project_id!;
    const owner = (await signInOverHttp(server.baseUrl, creds.email!, creds.password!))!;
    const invite = await fetch(`${server.baseUrl}/api/projects/${projectId}/invites`, {
      method: "POST", headers: { cookie: owner, "content-type": "application/json" }, body: JSON.stringify({ role: "engineer" }),
    });
    const { path } = (await invite.json()) as { path: string };

    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1400, height: 1000 } });
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(path);
    await page.getByLabel("Email").fill(`engineer-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("engineer password 1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`**/project/${projectId}/**`);

    // Inbox: the demo's failures are there (thumbs-down ones have an answer to correct);
    // move with j and open the trace with Enter.
    await page.goto(`/project/${projectId}/inbox?status=open&reason=thumbs_down`);
    const rows = page.getByTestId("inbox-row");
    await rows.nth(2).waitFor();
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-item-id")!));
    await page.keyboard.press("j");
    await page.waitForURL(new RegExp(`item=${ids[1]}`));
    const itemId = ids[1]!;
    const item = (await (await page.request.get(`/api/projects/${projectId}/triage/${itemId}`)).json()) as { traceId: string; reasons: string[] };

    // A comment with markup stays text.
    await page.getByLabel("Add a comment").fill(XSS_COMMENT);
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await page.getByTestId("inbox-comment").filter({ hasText: XSS_COMMENT }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.keyboard.press("Enter");
    await page.waitForURL(`**/project/${projectId}/traces/${item.traceId}**`);
    await page.getByTestId("span-tree").waitFor();
    await page.getByTestId("trace-actions").waitFor();
    const trace = (await (await page.request.get(`/api/projects/${projectId}/traces/${item.traceId}`)).json()) as { spans: { id: string; output: unknown }[] };
    expect(trace.spans.length).toBeGreaterThan(0);
    expect(item.reasons).toContain("thumbs_down");
    await page.screenshot({ path: "test-results/e2e/engineer-trace.png", fullPage: true });

    // Back in the inbox, g promotes the selected item: the trace page opens with the promote dialog.
    await page.goBack();
    await page.waitForURL(new RegExp(`/inbox.*item=${itemId}`));
    await page.locator(`[data-testid="inbox-row"][aria-selected="true"][data-item-id="${itemId}"]`).waitFor();
    await page.keyboard.press("g");
    await page.waitForURL(new RegExp(`/traces/${item.traceId}\\?.*promote=1`));
    const expected = page.getByRole("textbox", { name: "Expected output (prefilled with the actual output)" });
    await expected.waitFor();
    await expect.poll(async () => (await expected.inputValue()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The actual output may be JSON; the corrected answer is plain text.
    const asJson = page.getByRole("checkbox", { name: "JSON" });
    if (await asJson.isChecked()) await asJson.uncheck();
    await expected.fill("The corrected answer: refunds take 3 business days.");
    await page.getByLabel("Golden set", { exact: true }).selectOption("__new__");
    await page.getByLabel("New set name").fill("Regressions from the inbox");
    await page.screenshot({ path: "test-results/e2e/engineer-promote.png" });
    await page.getByRole("button", { name: "Promote", exact: true }).click();
    await page.getByText("Added to “Regressions from the inbox”").waitFor();
    await expected.waitFor({ state: "detached" });
    expect(page.url()).not.toContain("promote=1");

    // The golden set has the item, its edited expected output, and the link back to the trace.
    await page.goto(`/project/${projectId}/datasets`);
    await page.getByTestId("dataset-row").filter({ hasText: "Regressions from the inbox" }).getByRole("link").first().click();
    await page.waitForURL(/\/datasets\/[^/?]+$/);
    const promoted = page.getByTestId("dataset-item-row");
    await promoted.first().waitFor();
    expect(await promoted.count()).toBe(1);
    await promoted.first().getByText("The corrected answer: refunds take 3 business days.").waitFor();
    expect(await promoted.first().getByRole("link").first().getAttribute("href")).toContain(`/project/${projectId}/traces/${item.traceId}`);
    await page.screenshot({ path: "test-results/e2e/engineer-golden-set.png", fullPage: true });

    // Provenance through the API: the trace, the inbox item, the engineer who promoted it.
    const datasetId = page.url().split("/datasets/")[1]!;
    const list = (await (await page.request.get(`/api/projects/${projectId}/datasets/${datasetId}/items`)).json()) as {
      items: { source: string; sourceTraceId: string; metadata: Record<string, unknown>; expectedOutput: unknown }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      source: "inbox",
      sourceTraceId: item.traceId,
      expectedOutput: "The corrected answer: refunds take 3 business days.",
      metadata: expect.objectContaining({ triageItemId: itemId }),
    });

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
