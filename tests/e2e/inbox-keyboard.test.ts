import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAsDemo, useDemoPharos } from "../support/demo-browser";

type Item = { id: string; traceId: string; status: string; reasons: string[]; assignee: { id: string; email: string } | null };

describe("browser: triage the demo inbox with the keyboard", () => {
  const demo = useDemoPharos();

  const selectedId = (page: Page) => page.locator('[data-testid="inbox-row"][aria-selected="true"]').getAttribute("data-item-id");
  async function item(page: Page, projectId: string, id: string): Promise<Item> {
    const res = await page.request.get(`/api/projects/${projectId}/triage/${id}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as Item;
  }

  it("fills itself from the demo traces; j/k move, a assigns, r resolves, i ignores, Enter and g navigate", async () => {
    const { creds, server, browser } = demo;
    const projectId = creds.project_id!;
    const page = await signInAsDemo(demo, { width: 1400, height: 1000 });

    // The demo seed went through the ingest pipeline, so its errors and thumbs-down are in the inbox.
    const open = await (await page.request.get(`/api/projects/${projectId}/triage?status=open&limit=100`)).json();
    expect(open.counts.byReason.error).toBeGreaterThan(10);
    expect(open.counts.byReason.thumbs_down).toBeGreaterThan(10);
    const me = (await (await page.request.get("/api/auth/session")).json()).user as { email: string };

    await page.goto(`/project/${projectId}/inbox`);
    const rows = page.getByTestId("inbox-row");
    await rows.nth(5).waitFor();
    await page.getByTestId("inbox-detail").waitFor();
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-item-id")!));
    expect(await selectedId(page)).toBe(ids[0]);

    await page.keyboard.press("j");
    await page.keyboard.press("j");
    expect(await selectedId(page)).toBe(ids[2]);
    await page.keyboard.press("k");
    expect(await selectedId(page)).toBe(ids[1]);
    await page.waitForURL(new RegExp(`item=${ids[1]}`));

    // a: assign to me; r: resolve — the row leaves the Open tab and the next one is selected.
    const b = ids[1]!;
    await page.keyboard.press("a");
    await page.getByText("Assigned to you").first().waitFor();
    await page.keyboard.press("r");
    await page.getByText("Resolved", { exact: true }).first().waitFor();
    await page.locator(`[data-item-id="${b}"]`).waitFor({ state: "detached" });
    expect(await selectedId(page)).toBe(ids[2]);

    // i: ignore the now-selected item.
    const c = ids[2]!;
    await page.keyboard.press("i");
    await page.locator(`[data-item-id="${c}"]`).waitFor({ state: "detached" });
    expect(await selectedId(page)).toBe(ids[3]);

    // Typing in the comment box never triggers shortcuts.
    const d = ids[3]!;
    await page.getByLabel("Add a comment").fill("");
    await page.getByLabel("Add a comment").pressSequentially("jkari <b>not markup</b>");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await page.getByTestId("inbox-comment").filter({ hasText: "jkari <b>not markup</b>" }).waitFor();
    expect(await selectedId(page)).toBe(d);
    expect(await item(page, projectId, d)).toMatchObject({ status: "open", assignee: null });

    // After a reload the server has every change.
    await page.reload();
    await rows.first().waitFor();
    const resolved = await item(page, projectId, b);
    expect(resolved).toMatchObject({ status: "resolved", assignee: { email: me.email } });
    expect(await item(page, projectId, c)).toMatchObject({ status: "ignored" });
    expect(await page.locator(`[data-item-id="${b}"]`).count()).toBe(0);
    expect(await page.locator(`[data-item-id="${c}"]`).count()).toBe(0);
    expect(await selectedId(page)).toBe(d);
    await page.getByTestId("shortcut-legend").waitFor();
    await page.screenshot({ path: "test-results/e2e/inbox.png", fullPage: false });

    // The Resolved tab lists the resolved item; r on it is refused (only reopen is allowed).
    await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^Resolved/ }).click();
    await page.waitForURL(/status=resolved/);
    await page.locator(`[data-item-id="${b}"]`).click();
    await page.keyboard.press("i");
    await page.getByText(/cannot move from resolved to ignored/).first().waitFor();
    expect((await item(page, projectId, b)).status).toBe("resolved");

    // Bulk: check two open items (x on the selected one, a click on another), resolve both at once.
    await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: /^Open/ }).click();
    await page.waitForURL((u) => !u.searchParams.has("status"));
    await rows.nth(2).waitFor();
    const [e, f] = await rows.evaluateAll((els) => els.slice(0, 2).map((el) => el.getAttribute("data-item-id")!));
    await page.keyboard.press("x");
    await page.locator(`[data-item-id="${f}"] input[type=checkbox]`).check();
    await page.getByRole("toolbar", { name: "Bulk actions" }).getByRole("button", { name: "Resolve" }).click();
    await page.getByText("Resolved: 2 items").first().waitFor();
    for (const id of [e!, f!]) expect((await item(page, projectId, id)).status).toBe("resolved");

    // g opens the trace with the promote dialog requested; Enter opens the trace.
    await page.goto(`/project/${projectId}/inbox`);
    await rows.first().waitFor();
    const first = await item(page, projectId, (await selectedId(page))!);
    await page.keyboard.press("g");
    await page.waitForURL((u) => u.pathname === `/project/${projectId}/traces/${first.traceId}` && u.searchParams.get("promote") === "1" && u.searchParams.get("triageItem") === first.id);
    await page.goBack();
    await rows.first().waitFor();
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === `/project/${projectId}/traces/${first.traceId}` && !u.search);

    // The rules tab explains and edits what fills the inbox.
    await page.goto(`/project/${projectId}/settings/inbox`);
    await page.getByRole("button", { name: "Save rules" }).waitFor();
    await page.screenshot({ path: "test-results/e2e/inbox-rules.png", fullPage: true });

    // A new project's inbox is empty and says which rules would fill it, linking to them.
    const orgs = (await (await page.request.get("/api/orgs")).json()).orgs as { id: string }[];
    const created = await page.request.post(`/api/orgs/${orgs[0]!.id}/projects`, { data: { name: "Empty inbox" } });
    expect(created.status()).toBe(201);
    const fresh = (await created.json()) as { id: string };
    await page.goto(`/project/${fresh.id}/inbox`);
    await page.getByText("The inbox is empty").waitFor();
    await page.getByText("a user gave thumbs down").waitFor();
    await page.screenshot({ path: "test-results/e2e/inbox-empty.png", fullPage: false });
    await page.getByRole("link", { name: "Settings → Inbox rules" }).click();
    await page.waitForURL(`**/project/${fresh.id}/settings/inbox`);
  });
});
