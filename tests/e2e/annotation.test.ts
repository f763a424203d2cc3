import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = "<script>window.__xss=2</script>";

describe("browser: annotation", () => {
  const demo = useDemoPharos();

  async function api(path: string, init: { method?: string; body?: unknown } = {}) {
    const res = await fetch(`${demo.server.baseUrl}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${demo.creds.secret_key}`, "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text.startsWith("{") ? JSON.parse(text) : null };
  }

  async function signInAs(email: string, viewport = { width: 1440, height: 1000 }): Promise<Page> {
    const page = await demo.browser.newPage({ baseURL: demo.server.baseUrl, viewport });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(demo.creds.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/project/${demo.creds.project_id}/**`);
    return page;
  }

  const pairId = (page: Page) => page.getByTestId("pair").getAttribute("data-pair-id");
  async function judgeGood(page: Page) {
    const before = await pairId(page);
    const left = (await page.getByTestId("response-left").textContent()) ?? "";
    await page.keyboard.press(left.includes("good answer") ? "1" : "2");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await page.getByTestId("queue-done").count()) > 0 || (await pairId(page)) !== before).toBe(true);
    return before!;
  }

  it("an annotator judges with the keyboard alone (skip, undo); markup renders as text; the lead reads agreement and exports DPO", async () => {
    const projectId = demo.creds.project_id;
    const created = await api("/api/public/annotation-queues", {
      method: "POST",
      body: { name: "keyboard e2e", instructions: `Prefer the **correct** answer. ${XSS_IMG} ${XSS_SCRIPT} [link](javascript:window.__xss=3)`, judgmentsPerPair: 2, annotators: ["ana@pharos.local", "ben@pharos.local"] },
    });
    expect(created.status, created.text).toBe(201);
    const queueId = created.json.id as string;
    const pairs = Array.from({ length: 6 }, (_, i) => ({
      prompt: [{ role: "system", content: "You are Acme support." }, { role: "user", content: `Question ${i}: how long do refunds take?` }],
      responseA: `The good answer ${i}: **5 business days**.\n\n\`\`\`json\n{"days": 5}\n\`\`\`\n\n${XSS_IMG}`,
      responseB: `A bad answer ${i}. ${XSS_SCRIPT}`,
    }));
    const added = await api(`/api/public/annotation-queues/${queueId}/pairs`, { method: "POST", body: { pairs } });
    expect(added.status, added.text).toBe(201);
    const pairIds = added.json.pairIds as string[];

    // The annotator lands on Annotation and sees nothing else.
    const ana = await signInAs("ana@pharos.local");
    await ana.waitForURL(`**/project/${projectId}/annotate`);
    expect(await ana.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents()).toEqual(["Annotation"]);
    expect((await ana.request.get(`/api/projects/${projectId}/traces`)).status()).toBe(403);
    await ana.getByTestId("queue-row").filter({ hasText: "keyboard e2e" }).getByRole("link", { name: "keyboard e2e" }).click();
    await ana.getByTestId("pair").waitFor();
    await ana.getByTestId("next-ready").filter({ hasText: "next pair loaded" }).waitFor();
    expect(await ana.getByTestId("chat-message").count()).toBe(2);
    // Markdown renders; the HTML in it is text, and nothing ran.
    // The sides are random per annotator and pair: count across both.
    expect(await ana.locator("[data-testid^='response-'] strong").count()).toBe(1);
    expect(await ana.getByTestId("response-left").locator("pre").count() + (await ana.getByTestId("response-right").locator("pre").count())).toBe(1);
    expect(await ana.getByTestId("queue-instructions").textContent()).toContain("<img src=x onerror=");
    expect(await ana.locator("main img").count()).toBe(0);
    expect(await ana.locator("main script").count()).toBe(0);
    expect(await ana.getByTestId("queue-instructions").locator("a[href^='javascript']").count()).toBe(0);
    await ana.keyboard.press("?");
    await ana.getByRole("dialog", { name: "Keyboard" }).waitFor();
    await ana.keyboard.press("Escape");
    await ana.screenshot({ path: "/tmp/shots-annot/annotator-1440.png" });
    await ana.setViewportSize({ width: 1024, height: 900 });
    await ana.screenshot({ path: "/tmp/shots-annot/annotator-1024.png" });
    await ana.setViewportSize({ width: 1440, height: 1000 });

    const judged: string[] = [];
    judged.push(await judgeGood(ana));
    // s skips: the pair leaves and is not stored.
    const skipped = await pairId(ana);
    await ana.keyboard.press("s");
    await expect.poll(() => pairId(ana)).not.toBe(skipped);
    judged.push(await judgeGood(ana));
    const undone = await judgeGood(ana);
    // u brings the last one back, the same way round; judging it again stores it once.
    await ana.keyboard.press("u");
    await expect.poll(() => pairId(ana)).toBe(undone);
    judged.push(await judgeGood(ana));
    judged.push(await judgeGood(ana));
    judged.push(await judgeGood(ana));
    await ana.getByTestId("queue-done").waitFor();
    expect(await ana.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(new Set(judged).size).toBe(5);
    expect(judged).not.toContain(skipped);
    expect(await ana.getByTestId("progress-mine").textContent()).toContain("5 / 6");

    // Ben's labels come from elsewhere: he disagrees on two pairs, with markup in a rationale.
    const ben = pairIds.map((pairId, i) => ({ pairId, annotator: "ben@pharos.local", choice: i === 0 || i === 3 ? "B" : "A", rationale: i === 0 ? `I prefer B ${XSS_IMG}` : undefined }));
    expect((await api(`/api/public/annotation-queues/${queueId}/judgments`, { method: "POST", body: { judgments: ben } })).status).toBe(201);

    // The lead: agreement, disagreements with rationale as text, adjudication, DPO export.
    const lead = await signInAsDemo(demo, { width: 1440, height: 1000 });
    await lead.goto(`/project/${projectId}/annotate/${queueId}/stats`);
    await lead.getByTestId("kappa-row").first().waitFor();
    expect(await lead.getByTestId("kappa-row").count()).toBe(1);
    expect(await lead.getByTestId("alpha").textContent()).toMatch(/^-?\d\.\d\d$/);
    const disputed = lead.getByTestId("disputed-pair");
    await expect.poll(() => disputed.count()).toBeGreaterThanOrEqual(1);
    const rationale = lead.getByTestId("rationale-text").filter({ hasText: "I prefer B" });
    expect(await rationale.textContent()).toContain("<img src=x onerror=");
    expect(await rationale.locator("img").count()).toBe(0);
    await lead.screenshot({ path: "/tmp/shots-annot/stats-1440.png", fullPage: true });
    await lead.setViewportSize({ width: 1024, height: 900 });
    await lead.screenshot({ path: "/tmp/shots-annot/stats-1024.png", fullPage: true });
    await disputed.first().getByTestId("adjudicate-A").click();
    await disputed.first().getByText("final: A better (adjudication)").waitFor();
    expect(await lead.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    const href = await lead.getByTestId("export-link").getAttribute("href");
    const exported = await lead.request.get(href!);
    expect(exported.status()).toBe(200);
    const rows = (await exported.text()).trim().split("\n").map((l) => JSON.parse(l) as { prompt: string; chosen: string; rejected: string; pair_id: string });
    // Ana judged five (one skipped, which Ben alone cannot decide at k = 2); Ben agreed on three; one disagreement adjudicated.
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.chosen).toContain("good answer");
      expect(r.rejected).toContain("bad answer");
      expect(r.prompt).toContain("how long do refunds take?");
    }

    // The demo's own queue has numbers from the seed.
    await lead.setViewportSize({ width: 1440, height: 1000 });
    await lead.goto(`/project/${projectId}/annotate`);
    await lead.getByTestId("queue-row").filter({ hasText: "support-answer v2 vs v3" }).getByRole("link", { name: "Statistics" }).click();
    await lead.getByTestId("kappa-row").nth(2).waitFor();
    await lead.screenshot({ path: "/tmp/shots-annot/demo-stats-1440.png", fullPage: true });

    // A rating queue: Ana rates one trace's answer; the scores land on the trace with source annotation.
    await ana.goto(`/project/${projectId}/annotate`);
    await ana.getByTestId("queue-row").filter({ hasText: "support-answer ratings" }).getByRole("link", { name: "support-answer ratings" }).click();
    await ana.getByTestId("score-quality").waitFor();
    const itemId = await pairId(ana);
    await ana.getByLabel("quality").fill("3");
    await ana.getByTestId("score-tone").getByRole("button", { name: "friendly" }).click();
    await ana.getByTestId("score-correct").getByRole("button", { name: "yes" }).click();
    await ana.locator("body").click({ position: { x: 5, y: 5 } });
    await ana.keyboard.press("Enter");
    await expect.poll(async () => (await ana.getByTestId("queue-done").count()) > 0 || (await pairId(ana)) !== itemId).toBe(true);
    await ana.screenshot({ path: "/tmp/shots-annot/rating-1440.png" });
    const queueList = await (await lead.request.get(`/api/projects/${projectId}/annotation-queues`)).json();
    const ratings = queueList.queues.find((q: { name: string }) => q.name === "support-answer ratings");
    const items = await (await lead.request.get(`/api/projects/${projectId}/annotation-queues/${ratings.id}/pairs`)).json();
    const rated = items.pairs.find((p: { id: string }) => p.id === itemId);
    const trace = await (await lead.request.get(`/api/projects/${projectId}/traces/${rated.traceIds[0]}`)).json();
    const mine = trace.scores.filter((sc: { source: string; name: string; value: unknown }) => sc.source === "annotation");
    expect(mine.map((sc: { name: string; value: unknown }) => [sc.name, sc.value]).sort()).toEqual([["correct", true], ["quality", 3], ["tone", "friendly"]]);
  });
});
