import { describe, expect, it } from "vitest";
import * as datasetRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/route";
import * as exportRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/export/route";
import * as importRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/import/route";
import * as historyRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/history/route";
import * as itemRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/[itemId]/route";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as promoteRoute from "@/app/api/projects/[projectId]/datasets/promote/route";
import * as datasetsRoute from "@/app/api/projects/[projectId]/datasets/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { db } from "@/lib/db";
import { sendFlaggedTracesToInbox } from "@/lib/triage/send-flagged-traces-to-inbox";
import { addMember, createKey, createOrgAndProject, type Member } from "../factories";
import { sampleTraceEvents } from "../support/ingest";
import { createDataset, importFile, listItems, type Tenant, tick } from "../support/datasets";
import { call } from "../support/route";

async function ingestTrace(t: Tenant, options: Parameters<typeof sampleTraceEvents>[0] = {}) {
  const key = await createKey(t.project);
  const sample = sampleTraceEvents(options);
  const res = await call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch: sample.events } });
  expect(res.status).toBe(207);
  return sample;
}


describe("golden sets: promote", () => {
  it("keeps provenance: trace, span, inbox item, model and prompt version, who and when", async () => {
    const t = await createOrgAndProject("promote");
    const sample = await ingestTrace(t, { model: "gpt-4o-mini", input: [{ role: "user", content: "환불은 어떻게 하나요?" }], output: { role: "assistant", content: "wrong answer" } });
    await sendFlaggedTracesToInbox({ projectId: t.project.id, traceIds: [sample.traceId], reasons: ["manual"] });
    const triage = await db.triageItem.findFirstOrThrow({ where: { projectId: t.project.id, traceId: sample.traceId } });
    const before = new Date();

    const res = await call(promoteRoute.POST, "POST", {
      params: { projectId: t.project.id }, cookie: t.owner.cookie,
      body: { newDatasetName: "Refund questions", traceId: sample.traceId, spanId: sample.genId, triageItemId: triage.id, expectedOutput: { role: "assistant", content: "Refunds take 5 days." }, metadata: { note: "from complaint", model: "forged" } },
    });
    expect(res.status).toBe(201);
    expect(res.json.dataset).toMatchObject({ name: "Refund questions", created: true });
    const item = res.json.item;
    expect(item).toMatchObject({
      version: 1, source: "inbox", sourceTraceId: sample.traceId, sourceSpanId: sample.genId, createdById: t.owner.user.id, validTo: null,
      input: [{ role: "user", content: "환불은 어떻게 하나요?" }],
      expectedOutput: { role: "assistant", content: "Refunds take 5 days." },
      metadata: { note: "from complaint", triageItemId: triage.id, model: "gpt-4o-mini", promptName: "support-answer", promptVersion: 2, environment: "production" },
    });
    expect(new Date(item.validFrom).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // Listed with who promoted it; a trace-level promote defaults to the trace's input and says "trace".
    const listed = await listItems(t, res.json.dataset.id);
    expect(listed.json.items).toHaveLength(1);
    expect(listed.json.items[0]).toMatchObject({ itemId: item.itemId, promotedById: t.owner.user.id, sourceSpanId: sample.genId });
    expect(listed.json.users[t.owner.user.id].email).toBe(t.owner.user.email);

    const traceLevel = await call(promoteRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { datasetId: res.json.dataset.id, traceId: sample.traceId, expectedOutput: "ok" } });
    expect(traceLevel.status).toBe(201);
    expect(traceLevel.json.item).toMatchObject({ source: "trace", sourceSpanId: null });
    const trace = await db.trace.findUniqueOrThrow({ where: { projectId_id: { projectId: t.project.id, id: sample.traceId } } });
    expect(traceLevel.json.item.input).toEqual(trace.input);
  });

  it("rejects another project's trace, span or inbox item with 404 and writes nothing", async () => {
    const a = await createOrgAndProject("promote-a");
    const b = await createOrgAndProject("promote-b");
    const foreign = await ingestTrace(b);
    await sendFlaggedTracesToInbox({ projectId: b.project.id, traceIds: [foreign.traceId], reasons: ["manual"] });
    const foreignTriage = await db.triageItem.findFirstOrThrow({ where: { projectId: b.project.id } });
    const mine = await ingestTrace(a);
    const ds = await createDataset(a, "golden");
    const promote = (body: object) => call(promoteRoute.POST, "POST", { params: { projectId: a.project.id }, cookie: a.owner.cookie, body: { datasetId: ds.id, expectedOutput: "x", ...body } });

    expect((await promote({ traceId: foreign.traceId })).status).toBe(404);
    expect((await promote({ traceId: mine.traceId, spanId: foreign.genId })).status).toBe(404);
    const wrongTriage = await promote({ traceId: mine.traceId, triageItemId: foreignTriage.id });
    expect(wrongTriage.status).toBe(404);
    expect(wrongTriage.json.error.message).toContain(foreignTriage.id);
    // Another project's dataset is not found either, and a new name that exists is a 409.
    const bDataset = await createDataset(b, "theirs");
    expect((await promote({ traceId: mine.traceId, datasetId: bDataset.id })).status).toBe(404);
    const clash = await call(promoteRoute.POST, "POST", { params: { projectId: a.project.id }, cookie: a.owner.cookie, body: { newDatasetName: "golden", traceId: mine.traceId, expectedOutput: "x" } });
    expect(clash.status).toBe(409);
    expect(await db.datasetItem.count({ where: { projectId: a.project.id } })).toBe(0);
  });
});

describe("golden sets: versions", () => {
  it("edit adds a version, a snapshot before the edit returns the old one, delete closes, history lists all", async () => {
    const t = await createOrgAndProject("versions");
    const ds = await createDataset(t, "versions");
    const p = { projectId: t.project.id, datasetId: ds.id };
    const added = await call(itemsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { input: "What is 2+2?", expectedOutput: "5" } });
    expect(added.status).toBe(201);
    const itemId = added.json.itemId;
    await tick();
    const beforeEdit = new Date();
    await tick();

    const edited = await call(itemRoute.PATCH, "PATCH", { params: { ...p, itemId }, cookie: t.owner.cookie, body: { expectedOutput: "4", baseVersion: 1 } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ itemId, version: 2, input: "What is 2+2?", expectedOutput: "4", validTo: null });

    const current = await listItems(t, ds.id);
    expect(current.json.items.map((i: { version: number; expectedOutput: string }) => [i.version, i.expectedOutput])).toEqual([[2, "4"]]);
    const snapshot = await listItems(t, ds.id, beforeEdit);
    expect(snapshot.json.items.map((i: { version: number; expectedOutput: string }) => [i.version, i.expectedOutput])).toEqual([[1, "5"]]);
    // The versions meet exactly: v1 ends at the instant v2 begins.
    const rows = await db.datasetItem.findMany({ where: { projectId: t.project.id, itemId }, orderBy: { version: "asc" } });
    expect(rows[0]!.validTo!.getTime()).toBe(rows[1]!.validFrom.getTime());
    expect((await listItems(t, ds.id, rows[1]!.validFrom)).json.items[0].version).toBe(2);
    // Before the item existed the snapshot is empty.
    expect((await listItems(t, ds.id, new Date(rows[0]!.validFrom.getTime() - 1000))).json.items).toEqual([]);

    // An edit based on a stale version is refused.
    const stale = await call(itemRoute.PATCH, "PATCH", { params: { ...p, itemId }, cookie: t.owner.cookie, body: { expectedOutput: "four", baseVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain("version 2");

    await tick();
    const beforeDelete = new Date();
    await tick();
    expect((await call(itemRoute.DELETE, "DELETE", { params: { ...p, itemId }, cookie: t.owner.cookie })).status).toBe(200);
    expect((await listItems(t, ds.id)).json.items).toEqual([]);
    expect((await listItems(t, ds.id, beforeDelete)).json.items[0].expectedOutput).toBe("4");
    expect((await call(itemRoute.DELETE, "DELETE", { params: { ...p, itemId }, cookie: t.owner.cookie })).status).toBe(404);
    const dataset = await call(datasetRoute.GET, "GET", { params: p, cookie: t.owner.cookie });
    expect(dataset.json.itemCount).toBe(0);

    const history = await call(historyRoute.GET, "GET", { params: { ...p, itemId }, cookie: t.owner.cookie });
    expect(history.json.versions.map((v: { version: number; expectedOutput: string; validTo: string | null }) => [v.version, v.expectedOutput, v.validTo !== null])).toEqual([[1, "5", true], [2, "4", true]]);
  });

  it("two concurrent edits of the same version: one wins, the other gets 409", async () => {
    const t = await createOrgAndProject("concurrent");
    const ds = await createDataset(t, "race");
    const p = { projectId: t.project.id, datasetId: ds.id };
    const { json: item } = await call(itemsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { input: "q", expectedOutput: "a" } });
    const results = await Promise.all(["b", "c", "d"].map((e) => call(itemRoute.PATCH, "PATCH", { params: { ...p, itemId: item.itemId }, cookie: t.owner.cookie, body: { expectedOutput: e, baseVersion: 1 } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const versions = await db.datasetItem.findMany({ where: { projectId: t.project.id, itemId: item.itemId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.filter((v) => v.validTo === null)).toHaveLength(1);
  });
  it("concurrent edits never share a version: versions stay contiguous, one current, intervals chained", async () => {
    const t = await createOrgAndProject("concurrent-chain");
    const ds = await createDataset(t, "race");
    const p = { projectId: t.project.id, datasetId: ds.id };
    const { json: item } = await call(itemsRoute.POST, "POST", { params: p, cookie: t.owner.cookie, body: { input: "q", expectedOutput: "a" } });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call(itemRoute.PATCH, "PATCH", { params: { ...p, itemId: item.itemId }, cookie: t.owner.cookie, body: { expectedOutput: `e${i}` } })));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const won = results.filter((r) => r.status === 200).map((r) => r.json.version as number);
    expect(new Set(won).size).toBe(won.length);
    const versions = await db.datasetItem.findMany({ where: { projectId: t.project.id, itemId: item.itemId }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: won.length + 1 }, (_, i) => i + 1));
    expect(versions.filter((v) => v.validTo === null).map((v) => v.version)).toEqual([won.length + 1]);
    for (let i = 1; i < versions.length; i++) expect(versions[i - 1]!.validTo!.getTime()).toBe(versions[i]!.validFrom.getTime());
  });
});

describe("golden sets: import and export", () => {
  const jsonl = ['{"input":"a","expected_output":"A"}', '{"expected_output":"no input"}', "", '{"input":{"q":"b"},"metadata":{"k":1}}', "not json", '{"input":"c","metadata":"oops"}'].join("\n");

  it("rejects a file with bad lines, naming each line, and imports nothing", async () => {
    const t = await createOrgAndProject("import-bad");
    const ds = await createDataset(t, "imports");
    const res = await importFile(t, ds.id, "jsonl", jsonl);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("INVALID");
    expect(res.json.error.message).toContain("nothing was imported");
    expect(res.json.error.details.map((d: { line: number }) => d.line)).toEqual([2, 5, 6]);
    expect(res.json.error.details[0].message).toBe("input: required");
    expect(await db.datasetItem.count({ where: { projectId: t.project.id } })).toBe(0);
  });

  it("with skipInvalid imports the valid lines and lists the skipped ones", async () => {
    const t = await createOrgAndProject("import-skip");
    const ds = await createDataset(t, "imports");
    const res = await importFile(t, ds.id, "jsonl", jsonl, true);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ imported: 2, skippedCount: 3 });
    expect(res.json.skipped.map((d: { line: number }) => d.line)).toEqual([2, 5, 6]);
    const items = (await listItems(t, ds.id)).json.items;
    expect(items.map((i: { input: unknown; source: string }) => [i.input, i.source])).toEqual([["a", "import"], [{ q: "b" }, "import"]]);
  });

  it("CSV: line numbers count the header; too large a file is a 413", async () => {
    const t = await createOrgAndProject("import-csv");
    const ds = await createDataset(t, "csv");
    const csv = 'input,expected_output,metadata\n"two\nlines",x,\n,missing input,\nok,"{""a"":1}","{""tag"":""t""}"\n';
    const bad = await importFile(t, ds.id, "csv", csv);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ line: 4, message: "input: required" }]);
    const ok = await importFile(t, ds.id, "csv", csv, true);
    expect(ok.json.imported).toBe(2);
    const items = (await listItems(t, ds.id)).json.items;
    expect(items[1]).toMatchObject({ input: "ok", expectedOutput: { a: 1 }, metadata: { tag: "t" } });

    const big = await importFile(t, ds.id, "jsonl", `${'{"input":"x"}\n'.repeat(800_000)}`);
    expect(big.status).toBe(413);
    const badFormat = await call(importRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, rawBody: "", query: { format: "xml" } });
    expect(badFormat.status).toBe(400);
    expect(badFormat.json.error.message).toContain("query.format");
  });

  it.each(["jsonl", "csv"] as const)("%s export re-imports to the same items", async (format) => {
    const t = await createOrgAndProject(`roundtrip-${format}`);
    const source = await createDataset(t, "source");
    const values = [
      { input: "plain, with comma and \"quotes\"", expectedOutput: "42", metadata: { lang: "en" } },
      { input: [{ role: "user", content: "한국어 질문\n두 번째 줄" }], expectedOutput: { answer: 42 }, metadata: null },
      { input: 7, expectedOutput: null, metadata: { nested: { a: [1, null] } } },
    ];
    for (const v of values) {
      const res = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: source.id }, cookie: t.owner.cookie, body: { input: v.input, expectedOutput: v.expectedOutput ?? undefined, metadata: v.metadata ?? undefined } });
      expect(res.status).toBe(201);
    }
    const exported = await call(exportRoute.GET, "GET", { params: { projectId: t.project.id, datasetId: source.id }, cookie: t.owner.cookie, query: { format } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="source-.*\\.${format}"`));
    const text = typeof exported.json === "string" ? exported.json : `${JSON.stringify(exported.json)}\n`;
    const target = await createDataset(t, "target");
    const imported = await importFile(t, target.id, format, text);
    expect(imported.status).toBe(201);
    const shape = (items: Array<{ input: unknown; expectedOutput: unknown; metadata: unknown }>) => items.map(({ input, expectedOutput, metadata }) => ({ input, expectedOutput, metadata }));
    const back = shape((await listItems(t, target.id)).json.items);
    expect(back).toEqual(values);
    expect(back).toEqual(shape((await listItems(t, source.id)).json.items));
  });
});

describe("golden sets: names and roles", () => {
  it("a name is unique per project (409 with the name), not across projects", async () => {
    const t = await createOrgAndProject("names");
    const other = await createOrgAndProject("names-other");
    await createDataset(t, "Regression");
    const dup = await call(datasetsRoute.POST, "POST", { params: { projectId: t.project.id }, cookie: t.owner.cookie, body: { name: "Regression" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain('"Regression" already exists');
    await createDataset(other, "Regression");
    const second = await createDataset(t, "Second");
    const rename = await call(datasetRoute.PATCH, "PATCH", { params: { projectId: t.project.id, datasetId: second.id }, cookie: t.owner.cookie, body: { name: "Regression" } });
    expect(rename.status).toBe(409);
    const described = await call(datasetRoute.PATCH, "PATCH", { params: { projectId: t.project.id, datasetId: second.id }, cookie: t.owner.cookie, body: { name: "Smoke", description: "fast checks" } });
    expect(described.json).toMatchObject({ name: "Smoke", description: "fast checks", itemCount: 0 });
    const list = await call(datasetsRoute.GET, "GET", { params: { projectId: t.project.id }, cookie: t.owner.cookie });
    expect(list.json.datasets.map((d: { name: string }) => d.name).sort()).toEqual(["Regression", "Smoke"]);
  });

  it("pm reads but cannot write (403), annotator cannot read (403), another project's user gets 404 everywhere", async () => {
    const t = await createOrgAndProject("roles");
    const sample = await ingestTrace(t);
    const ds = await createDataset(t, "roles");
    const { json: item } = await call(itemsRoute.POST, "POST", { params: { projectId: t.project.id, datasetId: ds.id }, cookie: t.owner.cookie, body: { input: "q" } });
    const pm = await addMember(t, "pm");
    const annotator = await addMember(t, "annotator");
    const outsider = (await createOrgAndProject("roles-outsider")).owner;
    const p = { projectId: t.project.id, datasetId: ds.id, itemId: item.itemId };

    type Route = [handler: unknown, method: string, extra: object];
    const reads: Route[] = [
      [datasetsRoute.GET, "GET", {}],
      [datasetRoute.GET, "GET", {}],
      [itemsRoute.GET, "GET", {}],
      [historyRoute.GET, "GET", {}],
      [exportRoute.GET, "GET", { query: { format: "jsonl" } }],
    ];
    const writes: Route[] = [
      [datasetsRoute.POST, "POST", { body: { name: "new" } }],
      [datasetRoute.PATCH, "PATCH", { body: { name: "renamed" } }],
      [datasetRoute.DELETE, "DELETE", {}],
      [itemsRoute.POST, "POST", { body: { input: "x" } }],
      [itemRoute.PATCH, "PATCH", { body: { expectedOutput: "y" } }],
      [itemRoute.DELETE, "DELETE", {}],
      [importRoute.POST, "POST", { rawBody: '{"input":"x"}', query: { format: "jsonl" } }],
      [promoteRoute.POST, "POST", { body: { datasetId: ds.id, traceId: sample.traceId, expectedOutput: "z" } }],
    ];
    const run = async ([handler, method, extra]: Route, who: Member) => {
      return (await call(handler as never, method, { params: p, cookie: who.cookie, ...extra })).status;
    };
    for (const r of reads) {
      expect(await run(r, pm)).toBe(200);
      expect(await run(r, annotator)).toBe(403);
      expect(await run(r, outsider)).toBe(404);
    }
    for (const w of writes) {
      expect(await run(w, pm)).toBe(403);
      expect(await run(w, annotator)).toBe(403);
      expect(await run(w, outsider)).toBe(404);
    }
    // The outsider's own project does not reach this project's dataset either.
    const own = await createOrgAndProject("roles-own");
    const crossed = await call(itemsRoute.GET, "GET", { params: { projectId: own.project.id, datasetId: ds.id }, cookie: own.owner.cookie });
    expect(crossed.status).toBe(404);
    const crossedEdit = await call(itemRoute.PATCH, "PATCH", { params: { projectId: own.project.id, datasetId: ds.id, itemId: item.itemId }, cookie: own.owner.cookie, body: { expectedOutput: "hijack" } });
    expect(crossedEdit.status).toBe(404);
    expect((await db.datasetItem.findMany({ where: { projectId: t.project.id } })).map((i) => [i.version, i.validTo])).toEqual([[1, null]]);
  });
});
