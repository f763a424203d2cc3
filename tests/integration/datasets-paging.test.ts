import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/export/route";
import * as itemRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import { exportDatasetItems } from "@/lib/datasets/export-dataset-items";
import { createOrgAndProject } from "../factories";
import { createDataset, importFile, type Tenant, tick } from "../support/datasets";
import { call } from "../support/route";

describe("golden sets: paging", () => {
  it("pages through every item exactly once in order, also in a snapshot, while items are edited and added", async () => {
    const t = await createOrgAndProject("ds-paging");
    const ds = await createDataset(t, "Big set");
    // One import: 25 items that share their validFrom, so the item id decides their order.
    const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify({ input: `q${i}`, expected_output: `a${i}` })).join("\n");
    expect((await importFile(t, ds.id, "jsonl", lines)).status).toBe(201);
    await tick();
    const single = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, body: { input: "q25", expectedOutput: "a25" } });
    expect(single.status).toBe(201);
    const snapshotAt = new Date();
    await tick();

    const page = (query: Record<string, string>) => call(itemsRoute.GET, "GET", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, query });
    async function walk(extra: Record<string, string>, onPage?: (n: number) => Promise<void>) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await page({ limit: "7", ...extra, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.json.items.length).toBeLessThanOrEqual(7);
        seen.push(...res.json.items.map((i: { input: string }) => i.input));
        cursor = res.json.nextCursor;
        await onPage?.(++pages);
      } while (cursor);
      return { seen, pages };
    }
    const all = Array.from({ length: 26 }, (_, i) => `q${i}`);
    const first = await page({ limit: "7" });
    expect(first.json.total).toBe(26);
    expect((await walk({})).seen).toEqual(all);

    // Edits (a new version of an early item) and new items while paging: the edited item keeps its
    // place (ordered by its first version), and the new item comes last.
    const firstItemId = first.json.items[0].itemId;
    const during = await walk({}, async (n) => {
      if (n !== 2) return;
      expect((await call(itemRoute.PATCH, "PATCH", { params: { projectId: t.project.id, datasetId: ds.id, itemId: firstItemId }, cookie: t.owner.cookie, body: { expectedOutput: "edited" } })).status).toBe(200);
      expect((await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, body: { input: "q26" } })).status).toBe(201);
    });
    expect(during.seen).toEqual([...all, "q26"]);
    // The snapshot from before the edits pages over the 26 items it had.
    expect((await walk({ at: snapshotAt.toISOString() })).seen).toEqual(all);

    expect((await page({ cursor: "not-a-cursor" })).json.error.message).toBe("query.cursor: not a cursor returned by this API");
    const other = await createOrgAndProject("ds-paging-other");
    const foreign = await call(itemsRoute.GET, "GET", { params: { projectId: other.project.id, datasetId: ds.id }, cookie: other.owner.cookie, query: { cursor: first.json.nextCursor } });
    expect(foreign.status).toBe(404);
  });

  it("streams exports of any size page by page: the pieces join to the same file, pinned to when it started", async () => {
    const t = await createOrgAndProject("ds-export-stream");
    const ds = await createDataset(t, "Large export");
    const lines = Array.from({ length: 2_345 }, (_, i) => JSON.stringify({ input: `q${i}, "quoted"`, expected_output: { answer: i }, ...(i % 3 ? {} : { metadata: { i } }) })).join("\n");
    expect((await importFile(t, ds.id, "jsonl", lines)).status).toBe(201);
    const read = async (format: "jsonl" | "csv", pageSize?: number) => {
      const file = await exportDatasetItems({ projectId: t.project.id, datasetId: ds.id, format, pageSize });
      return new Response(file.body).text();
    };
    for (const format of ["jsonl", "csv"] as const) {
      const whole = await read(format, 5_000);
      expect(await read(format, 7)).toBe(whole);
      expect(await read(format)).toBe(whole);
      expect(whole.trimEnd().split("\n")).toHaveLength(format === "csv" ? 2_346 : 2_345);
    }
    // Through the route: the download streams every item, in order.
    const res = await call(exportRoute.GET, "GET", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, query: { format: "jsonl" } });
    expect(res.status).toBe(200);
    const exported = (res.json as string).trimEnd().split("\n").map((l: string) => JSON.parse(l).input);
    expect(exported).toEqual(Array.from({ length: 2_345 }, (_, i) => `q${i}, "quoted"`));

    // An edit made while an export streams does not mix into it.
    const file = await exportDatasetItems({ projectId: t.project.id, datasetId: ds.id, format: "jsonl", pageSize: 1_000 });
    const reader = file.body.getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value!];
    const last = (await listItemsPage(t, ds.id)).lastItemId;
    expect((await call(itemRoute.PATCH, "PATCH", { params: { projectId: t.project.id, datasetId: ds.id, itemId: last }, cookie: t.owner.cookie, body: { expectedOutput: "edited later" } })).status).toBe(200);
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text).not.toContain("edited later");
    expect(text.trimEnd().split("\n")).toHaveLength(2_345);
  });
});

describe("golden sets: download names", () => {
  it("keeps a Korean set name in the download's file name, with an ASCII fallback", async () => {
    const t = await createOrgAndProject("ds-export-name");
    const ds = await createDataset(t, "환불 질문 (v2)");
    expect((await importFile(t, ds.id, "jsonl", '{"input":"q"}')).status).toBe(201);
    const res = await call(exportRoute.GET, "GET", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, query: { format: "csv", at: "2026-11-20T12:00:00.000Z" } });
    expect(res.status).toBe(200);
    const header = res.headers.get("content-disposition")!;
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/);
    const exact = decodeURIComponent(header.split("filename*=UTF-8''")[1]!);
    expect(exact).toBe("환불-질문-v2-2026-11-20T12-00-00-000Z.csv");
    expect(header).toContain('filename="_-_-v2-2026-11-20T12-00-00-000Z.csv"');
  });
});

async function listItemsPage(t: Tenant, datasetId: string) {
  let cursor: string | null = null;
  let lastItemId = "";
  do {
    const res = await call(itemsRoute.GET, "GET", { params: { projectId: t.project.id, datasetId }, cookie: t.owner.cookie, query: { limit: "1000", ...(cursor ? { cursor } : {}) } });
    lastItemId = res.json.items.at(-1)?.itemId ?? lastItemId;
    cursor = res.json.nextCursor;
  } while (cursor);
  return { lastItemId };
}
