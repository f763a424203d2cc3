// Browser: an engineer opens a RAG trace from the inbox's "Faithfulness below" tab and sees the
// unsupported sentence marked with the passages that were checked beside it; the retriever's
// documents show as documents, in rank order with scores; the overview charts RAG quality.
import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { signInOverHttp } from "../support/http-session";
import { joinAs } from "../support/join-as";
import { useDemoPharos } from "../support/demo-browser";

const SHOTS = "test-results/e2e/rag";

describe("browser: RAG faithfulness from the inbox to the trace", () => {
  const demo = useDemoPharos();

  it("an engineer opens the 'Faithfulness below' tab, the item's unsupported statements, then the trace with the sentence marked and the passages beside it", async () => {
    const { creds, server, browser } = demo;
    const projectId = creds.project_id;
    await mkdir(SHOTS, { recursive: true });
    const ownerCookie = (await signInOverHttp(server.baseUrl, creds.email, creds.password))!;
    const { page } = await joinAs(browser, server.baseUrl, ownerCookie, projectId, "engineer");

    await page.goto(`/project/${projectId}/inbox`);
    await page.getByRole("link", { name: /Faithfulness below/ }).click();
    await page.waitForURL(/reason=unfaithful/);
    const rows = page.getByTestId("inbox-row");
    await rows.first().waitFor();
    await rows.first().click();
    const unsupported = page.getByTestId("inbox-unsupported");
    await unsupported.waitFor();
    // Every made-up demo answer (lib/bootstrap/seed-demo-rag.ts) is two sentences, the second unsupported: one statement listed.
    const listed = await page.getByTestId("inbox-unsupported-statement").allInnerTexts();
    expect(listed).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}/inbox-faithfulness.png`, fullPage: true });
    const statement = listed[0]!.split(" — ")[0]!;

    // Into the trace, at the answering LLM span.
    await page.getByTestId("inbox-faithfulness-link").click();
    await page.waitForURL(/\/traces\/[0-9a-f]+\?span=/);
    const panel = page.getByTestId("span-faithfulness");
    await panel.waitFor();
    // The trace's scores card counts the online evaluation's score, which sits on the LLM span, and names that span.
    const spanName = await page.locator(`[data-testid=span-row][aria-selected=true] span.font-medium`).getAttribute("title");
    const evalScore = page.getByTestId("trace-scores").getByTestId("score").filter({ hasText: "eval ·" }).first();
    expect(await evalScore.getByTestId("score-span").innerText()).toBe(`on span ${spanName}`);
    expect(await page.getByRole("heading", { name: /^Feedback and scores/ }).innerText()).not.toBe("Feedback and scores (0)");
    const marked = panel.getByTestId("unsupported-sentence").first();
    expect(await marked.getAttribute("data-sentence")).toBe("2");
    expect(await marked.getByTestId("unsupported-mark").innerText()).toContain(statement);
    expect(await marked.getByTestId("unsupported-statement").first().innerText()).toContain(statement);
    // Beside it: the passages that were checked, one shown, all on request.
    const checked = marked.getByTestId("passages-checked");
    expect(await checked.getByTestId("checked-passage").count()).toBe(1);
    await checked.getByRole("button", { name: /Show all 3 passages/ }).click();
    expect(await checked.getByTestId("checked-passage").count()).toBe(3);
    expect(await checked.innerText()).toMatch(/#1 · kb-/);
    // The sentence the passages support (the first) is shown unmarked; only the made-up one is marked.
    expect(await panel.getByTestId("faithful-sentence").count()).toBe(1);
    expect(await panel.getByTestId("unsupported-sentence").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/trace-faithfulness.png`, fullPage: true });

    // The retriever's documents, as documents: rank order, ids and scores.
    await page.getByTestId("span-row").filter({ hasText: "search-help-center" }).click();
    const docs = page.getByTestId("document");
    await docs.first().waitFor();
    expect(await docs.count()).toBe(3);
    expect(await page.getByTestId("document-id").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^kb-/)]));
    const scores = (await page.getByTestId("document-score").allInnerTexts()).map((s) => Number(s.replace("score ", "")));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await docs.first().getAttribute("data-position")).toBe("0");
    await page.screenshot({ path: `${SHOTS}/trace-documents.png`, fullPage: true });

    // The overview charts faithfulness and answer relevancy by prompt version and model.
    await page.goto(`/project/${projectId}/overview?range=30d`);
    await page.getByTestId("rag-by-prompt").waitFor();
    expect(await page.getByTestId("rag-by-model").innerText()).toMatch(/gpt-4o/);
  });
});
