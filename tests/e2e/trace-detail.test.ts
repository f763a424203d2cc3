import { mkdir, readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { demoDataDir } from "../support/demo-browser";
import { hex } from "../support/ingest";
import { type PharosServer, readCredentials, startPharos } from "../support/pharos-server";

import { BARE_JS, expectNothingInjected, IMG, JS_LINK, SCRIPT, SVG, TAG, watchDialogs } from "../support/xss";

describe("browser: trace detail, sessions and safe rendering", () => {
  let server: PharosServer;
  let browser: Browser;
  let creds: Record<string, string>;
  const traceId = hex(16);
  const sessionId = `xss-session-${hex(4)}`;
  const ids = { root: hex(8), retriever: hex(8), llm: hex(8), tool: hex(8), llm2: hex(8) };

  beforeAll(async () => {
    await mkdir("test-results/e2e", { recursive: true });
    [server, browser] = await Promise.all([demoDataDir().then((dataDir) => startPharos({ dataDir })), launchChromium()]);
    creds = readCredentials(await readFile(`${server.dataDir}/credentials`, "utf8"));
    const start = Date.now() - 60_000;
    const at = (ms: number) => new Date(start + ms).toISOString();
    const common = { sessionId, userId: "xss-user", environment: "production", release: "v9.9.9" };
    const batch = [
      { id: `e-t`, type: "trace", body: { id: traceId, name: `${SVG} trace`, tags: ["xss", TAG], metadata: { note: SCRIPT, href: BARE_JS }, ...common } },
      { id: `e-root`, type: "span", body: { id: ids.root, traceId, name: "support-agent", kind: "agent", startTime: at(0), endTime: at(4200),
        input: { question: `${IMG} my mail is jane.doe@example.com` }, output: { answer: `${JS_LINK} ${SCRIPT}` }, ...common } },
      { id: `e-ret`, type: "span", body: { id: ids.retriever, traceId, parentId: ids.root, name: "search-help-center", kind: "retriever", startTime: at(20), endTime: at(260),
        input: SVG, output: [{ id: "kb-1", text: IMG, url: BARE_JS }], ...common } },
      { id: `e-llm`, type: "generation", body: { id: ids.llm, traceId, parentId: ids.root, name: "plan", startTime: at(300), endTime: at(1900), completionStartTime: at(700),
        model: "gpt-4o-mini", provider: "openai", modelParameters: { temperature: 0.2, max_tokens: 512 }, usage: { input: 820, output: 64, cachedInput: 512 },
        input: [
          { role: "system", content: `You are a support agent. ${SCRIPT}` },
          { role: "user", content: [{ type: "text", text: `${IMG} where is my order? email jane.doe@example.com` }] },
        ],
        output: { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup_order", arguments: JSON.stringify({ orderId: "A-1", note: SVG }) } }] },
        metadata: { trace_note: SVG, link: BARE_JS }, ...common } },
      { id: `e-tool`, type: "span", body: { id: ids.tool, traceId, parentId: ids.root, name: "lookup_order", kind: "tool", startTime: at(1950), endTime: at(2300),
        input: { orderId: "A-1" }, output: { status: "shipped", note: IMG }, level: "WARNING", statusMessage: `slow backend ${SCRIPT}`, ...common } },
      { id: `e-llm2`, type: "generation", body: { id: ids.llm2, traceId, parentId: ids.root, name: "answer", startTime: at(2350), endTime: at(4150), completionStartTime: at(2900),
        model: "gpt-4o", provider: "openai", usage: { input: 1100, output: 210 },
        input: [
          { role: "system", content: "Answer briefly." },
          { role: "user", content: "where is my order?" },
          { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup_order", arguments: "{\"orderId\":\"A-1\"}" } }] },
          { role: "tool", tool_call_id: "call_1", content: JSON.stringify({ status: "shipped", note: SVG }) },
        ],
        output: { role: "assistant", content: `Your order shipped. ${JS_LINK}` }, ...common } },
      { id: `e-s1`, type: "score", body: { id: `fb-${hex(4)}`, traceId, name: "user_feedback", value: false, comment: `${IMG} ${JS_LINK}`, source: "user_feedback" } },
      { id: `e-s2`, type: "score", body: { id: `sc-${hex(4)}`, traceId, spanId: ids.llm2, name: "helpfulness", value: 0.35, comment: SVG, source: "eval" } },
    ];
    const res = await fetch(`${server.baseUrl}/api/public/ingest`, { method: "POST", headers: { authorization: `Bearer ${creds.secret_key}`, "content-type": "application/json" }, body: JSON.stringify({ batch }) });
    expect(res.status).toBe(207);
    const body = (await res.json()) as { results: Array<{ status: number }> };
    expect(body.results.every((r) => r.status === 201)).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInPage(): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser.newPage({ baseURL: server.baseUrl, viewport: { width: 1440, height: 1000 } });
    const dialogs = watchDialogs(page);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(creds.email!);
    await page.getByLabel("Password").fill(creds.password!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/project/${creds.project_id}/**`);
    return { page, dialogs };
  }

  it("shows XSS payloads as text on the trace page and never runs them", async () => {
    const { page, dialogs } = await signedInPage();
    await page.goto(`/project/${creds.project_id}/traces/${traceId}?span=${ids.llm}`);
    await page.getByTestId("span-panel").waitFor();
    expect(await page.getByTestId("span-panel").getAttribute("data-span-id")).toBe(ids.llm);
    expect(await page.getByTestId("trace-name").textContent()).toBe(`${SVG} trace`);
    expect(await page.getByTestId("trace-tags").textContent()).toContain(TAG);

    const panel = (await page.getByTestId("span-panel").innerText());
    for (const s of [SCRIPT.slice(0, 30), "where is my order?", "lookup_order", '"orderId"', "Cached input tokens", "Time to first token"]) expect(panel).toContain(s);
    // Roles are rendered as messages; the user text carries the <img> payload as text.
    expect(await page.locator('[data-testid=chat-message][data-role=user]').innerText()).toContain(IMG);
    expect(await page.locator('[data-testid=chat-message][data-role=system]').innerText()).toContain(SCRIPT);
    expect(await page.getByTestId("tool-call").innerText()).toContain(SVG);
    expect(await page.getByTestId("span-metadata").innerText()).toContain(BARE_JS);
    // The email was masked at ingest and is highlighted as such.
    expect(await page.getByTestId("pii-marker").first().innerText()).toBe("[REDACTED:EMAIL]");
    expect(panel).not.toContain("jane.doe@example.com");
    // The trace's scores card: every score, the span's included (it names its span and selects it); comments as text.
    expect(await page.getByRole("heading", { name: /^Feedback and scores/ }).innerText()).toBe("Feedback and scores (2)");
    const traceScores = page.getByTestId("trace-scores").getByTestId("score");
    const feedback = traceScores.filter({ hasText: "user_feedback" });
    expect(await feedback.getByTestId("score-comment").innerText()).toBe(`${IMG} ${JS_LINK}`);
    expect(await feedback.getByTestId("score-span").count()).toBe(0);
    const onSpan = traceScores.filter({ hasText: "helpfulness" });
    expect(await onSpan.getByTestId("score-span").innerText()).toBe("on span answer");
    expect(await onSpan.getByTestId("score-comment").innerText()).toBe(SVG);
    expect(await page.getByTestId("ttft-tick").count()).toBe(2);
    await expectNothingInjected(page, dialogs);
    await page.screenshot({ path: "test-results/e2e/trace-detail-llm.png", fullPage: true });

    // The other spans: retriever output, tool status message, the answering LLM with its span score.
    for (const id of [ids.retriever, ids.tool, ids.llm2, ids.root]) {
      await page.locator(`[data-testid=span-row][data-span-id="${id}"]`).click();
      await page.locator(`[data-testid=span-panel][data-span-id="${id}"]`).waitFor();
      await expectNothingInjected(page, dialogs);
    }
    expect(await page.getByTestId("span-panel").innerText()).toContain(JS_LINK);
    await page.screenshot({ path: "test-results/e2e/trace-detail-root.png", fullPage: true });
    // The answering call, opened from its score in the trace's card: a tool result message in its input and its span-level eval score.
    await onSpan.getByTestId("score-span").click();
    await page.waitForURL(new RegExp(`span=${ids.llm2}`));
    const answer = page.locator(`[data-testid=span-panel][data-span-id="${ids.llm2}"]`);
    await answer.waitFor();
    expect(await answer.locator("[data-testid=chat-message][data-role=tool]").innerText()).toContain(SVG);
    expect(await answer.getByTestId("score-comment").innerText()).toBe(SVG);
    await page.screenshot({ path: "test-results/e2e/trace-detail-answer.png", fullPage: true });
    await page.close();
  });

  it("keeps the selected span in the link: keyboard moves, reload and deep links select it", async () => {
    const { page, dialogs } = await signedInPage();
    await page.goto(`/project/${creds.project_id}/traces/${traceId}?span=${ids.tool}`);
    await page.locator(`[data-testid=span-panel][data-span-id="${ids.tool}"]`).waitFor();
    expect(await page.locator(`[data-testid=span-row][data-span-id="${ids.tool}"]`).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByTestId("span-status").innerText()).toContain(SCRIPT);

    await page.keyboard.press("j");
    await page.waitForURL(new RegExp(`span=${ids.llm2}`));
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("k");
    await page.waitForURL(new RegExp(`span=${ids.llm}`));
    await page.reload();
    await page.locator(`[data-testid=span-panel][data-span-id="${ids.llm}"]`).waitFor();
    expect(await page.locator(`[data-testid=span-row][data-span-id="${ids.llm}"]`).getAttribute("aria-selected")).toBe("true");

    // A burst of presses (a held key) lands on the right span: llm → tool → llm2 → (last) → back to tool.
    for (const key of ["j", "j", "j", "k"]) await page.keyboard.press(key);
    await page.locator(`[data-testid=span-panel][data-span-id="${ids.tool}"]`).waitFor();
    await page.waitForURL(new RegExp(`span=${ids.tool}`));

    // Collapsing the root hides its children; a deep link to a child still shows it.
    await page.getByRole("button", { name: "Collapse support-agent" }).click();
    expect(await page.getByTestId("span-row").count()).toBe(1);
    // The selected span was hidden, so the selection moves to the collapsed parent.
    await page.waitForURL(new RegExp(`span=${ids.root}`));
    await page.goto(`/project/${creds.project_id}/traces/${traceId}?span=${ids.llm2}`);
    await page.locator(`[data-testid=span-panel][data-span-id="${ids.llm2}"]`).waitFor();
    expect(await page.getByTestId("span-row").count()).toBe(5);

    await page.goto(`/project/${creds.project_id}/traces/${hex(16)}`);
    await page.getByTestId("trace-not-found").waitFor();
    await expectNothingInjected(page, dialogs);
    await page.close();
  });

  it("renders the session conversation and the session list safely", async () => {
    const { page, dialogs } = await signedInPage();
    await page.goto(`/project/${creds.project_id}/traces/${traceId}`);
    await page.getByTestId("trace-session-link").click();
    await page.waitForURL(`**/sessions/${sessionId}`);
    await page.getByTestId("session-turn").first().waitFor();
    const turn = await page.getByTestId("session-turn").innerText();
    expect(turn).toContain(IMG);
    expect(turn).toContain(`${JS_LINK} ${SCRIPT}`);
    expect(turn).toContain(SVG); // trace name
    expect(await page.getByTestId("session-feedback").innerText()).toContain(`${IMG} ${JS_LINK}`);
    await expectNothingInjected(page, dialogs);
    await page.screenshot({ path: "test-results/e2e/session.png", fullPage: true });

    await page.getByTestId("session-trace-link").click();
    await page.waitForURL(`**/traces/${traceId}`);
    await page.getByTestId("span-panel").waitFor();

    await page.goto(`/project/${creds.project_id}/sessions?range=24h`);
    await page.locator(`[data-testid=session-row][data-session-id="${sessionId}"]`).waitFor();
    await page.getByTestId("sessions-user").fill("xss-user");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/user=xss-user/);
    await page.reload();
    await page.locator(`[data-testid=session-row][data-session-id="${sessionId}"]`).waitFor();
    expect(await page.getByTestId("session-row").count()).toBe(1);
    await page.goto(`/project/${creds.project_id}/sessions`);
    await page.getByTestId("session-row").nth(5).waitFor();
    await page.screenshot({ path: "test-results/e2e/sessions.png", fullPage: true });
    // A demo session: several turns in start order.
    await page.getByTestId("session-row").filter({ hasText: "session-" }).filter({ hasNotText: "xss" }).first().getByRole("link").click();
    await page.getByTestId("session-turn").nth(1).waitFor();
    const starts = await page.getByTestId("session-turn").evaluateAll((els) => els.map((el) => el.getAttribute("data-start")));
    expect(starts).toEqual([...starts].sort());
    await page.screenshot({ path: "test-results/e2e/session-demo.png", fullPage: true });
    await expectNothingInjected(page, dialogs);
    await page.close();
  });
});
