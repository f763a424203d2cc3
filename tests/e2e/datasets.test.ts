import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

const JSONL = [
  '{"input":"How long do refunds take?","expected_output":"Refunds take 5 business days."}',
  '{"expected_output":"a line without input"}',
  '{"input":{"messages":[{"role":"user","content":"배송은 얼마나 걸리나요?"}]},"expected_output":"2-3 days","metadata":{"lang":"ko"}}',
  "this line is not JSON",
].join("\n");

describe("browser: golden sets", () => {
  const demo = useDemoPharos();

  it("creates a set, imports a file with bad lines (skipping them), edits to version 2, reads a snapshot, promotes a trace", async () => {
    const { creds, server } = demo;
    const page = await signInAsDemo(demo, { width: 1400, height: 950 });

    await page.goto(`/project/${creds.project_id}/datasets`);
    // The demo ships one golden set (with runs to compare); this test makes its own beside it.
    await page.getByTestId("dataset-row").filter({ hasText: "support-answer golden set" }).waitFor();
    await page.getByRole("button", { name: "New golden set" }).click();
    await page.getByLabel("Name").fill("Refund questions");
    await page.getByRole("button", { name: "Create golden set" }).click();
    await page.waitForURL(/\/datasets\/[^/?]+$/);
    await page.getByText("This golden set is empty").waitFor();

    // Import: the bad lines are named and nothing is imported until we choose to skip them.
    await page.getByRole("button", { name: "Import" }).click();
    await page.setInputFiles("#import-file", { name: "cases.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(JSONL) });
    await page.getByRole("button", { name: "Import", exact: true }).last().click();
    const lineErrors = page.getByTestId("import-line-errors");
    await lineErrors.waitFor();
    const errorText = await lineErrors.textContent();
    expect(errorText).toContain("line 2");
    expect(errorText).toContain("input: required");
    expect(errorText).toContain("line 4");
    expect(errorText).not.toContain("line 1");
    await page.screenshot({ path: "test-results/e2e/datasets-import-errors.png" });
    expect(await page.request.get(`/api/projects/${creds.project_id}/datasets`).then((r) => r.json()).then((j) => j.datasets.find((d: { name: string }) => d.name === "Refund questions").itemCount)).toBe(0);
    await page.getByRole("button", { name: "Skip bad lines and import the rest" }).click();
    await page.getByText("Imported 2 items, skipped 2 bad lines").waitFor();
    const rows = page.getByTestId("dataset-item-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain("배송은 얼마나 걸리나요?");

    // Edit the expected output: a new version; the old one stays in the history and the snapshot.
    const beforeEdit = new Date();
    await rows.first().getByRole("button", { name: "Edit expected output" }).click();
    await page.getByRole("textbox", { name: "Expected output", exact: true }).fill("Refunds take 3 business days.");
    await page.getByRole("button", { name: "Save new version" }).click();
    await page.getByText("Saved as version 2").waitFor();
    await expect.poll(() => rows.first().getByTestId("item-version").textContent()).toBe("v2");
    expect(await rows.first().textContent()).toContain("Refunds take 3 business days.");
    await rows.first().getByTitle("Show history").click();
    const history = page.getByTestId("item-history");
    await history.waitFor();
    await page.screenshot({ path: "test-results/e2e/datasets-history.png" });
    expect(await history.textContent()).toMatch(/v2.*current.*Refunds take 3 business days.*v1.*Refunds take 5 business days/s);
    await page.keyboard.press("Escape");

    const detailUrl = page.url();
    await page.goto(`${detailUrl}?at=${encodeURIComponent(beforeEdit.toISOString())}`);
    await page.getByTestId("snapshot-banner").waitFor();
    await expect.poll(() => rows.first().getByTestId("item-version").textContent()).toBe("v1");
    expect(await rows.first().textContent()).toContain("Refunds take 5 business days.");
    await page.goto(detailUrl);

    // Promote a demo trace by id, with an edited expected output; the item links back to it.
    const traces = await fetch(`${server.baseUrl}/api/public/traces?limit=1`, { headers: { authorization: `Bearer ${creds.secret_key}` } }).then((r) => r.json());
    const traceId: string = traces.data[0].id;
    await page.getByRole("button", { name: "Promote from trace id" }).click();
    await page.getByLabel("Trace id").fill(traceId);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("Promote to golden set").waitFor();
    // The newest demo trace may have errored (no output to prefill), which changes the label's hint.
    await page.getByRole("textbox", { name: /^Expected output/ }).fill("The corrected answer.");
    await page.getByLabel("JSON").uncheck().catch(() => undefined);
    await page.screenshot({ path: "test-results/e2e/datasets-promote.png" });
    await page.getByRole("button", { name: "Promote", exact: true }).click();
    await page.getByText("Added to “Refund questions”").waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    const promoted = rows.nth(2);
    expect(await promoted.textContent()).toContain("The corrected answer.");
    expect(await promoted.getByRole("link").getAttribute("href")).toBe(`/project/${creds.project_id}/traces/${traceId}`);
    await page.screenshot({ path: "test-results/e2e/datasets-detail.png", fullPage: true });

    await page.getByRole("button", { name: "Golden set settings" }).click();
    await page.getByLabel("Description").fill("Answers about refunds and delivery");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Answers about refunds and delivery · 3 current items").waitFor();

    await page.goto(`/project/${creds.project_id}/datasets`);
    const listRow = page.getByTestId("dataset-row").filter({ hasText: "Refund questions" });
    await listRow.waitFor();
    expect(await listRow.textContent()).toMatch(/Refund questions\s*Answers about refunds and delivery\s*3/);
    await page.screenshot({ path: "test-results/e2e/datasets-list.png", fullPage: true });
  });

  it("shows a large set a page at a time, with how many are shown of how many", async () => {
    const { creds } = demo;
    const page = await signInAsDemo(demo, { width: 1400, height: 950 });
    const api = `/api/projects/${creds.project_id}/datasets`;
    const created = await page.request.post(api, { data: { name: "Regression suite (450 cases)" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const lines = Array.from({ length: 450 }, (_, i) => JSON.stringify({ input: `case ${i + 1}`, expected_output: `answer ${i + 1}` })).join("\n");
    const imported = await page.request.post(`${api}/${id}/import?format=jsonl`, { data: lines, headers: { "content-type": "application/x-ndjson" } });
    expect(imported.status()).toBe(201);

    await page.goto(`/project/${creds.project_id}/datasets/${id}`);
    const rows = page.getByTestId("dataset-item-row");
    const more = page.getByTestId("items-more");
    await expect.poll(() => rows.count()).toBe(200);
    expect(await more.textContent()).toContain("200 of 450 items shown");
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/e2e/datasets-paging.png" });
    await more.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => rows.count()).toBe(400);
    await more.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => rows.count()).toBe(450);
    expect(await more.count()).toBe(0);
    expect(await rows.nth(0).textContent()).toContain("case 1");
    expect(await rows.nth(449).textContent()).toContain("case 450");
  });
});
