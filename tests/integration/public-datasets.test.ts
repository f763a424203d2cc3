// The golden-set API for CI: create a set by name, append items all-or-nothing, keys stay in their project.
import { describe, expect, it } from "vitest";
import * as itemsRoute from "@/app/api/projects/[projectId]/datasets/[datasetId]/items/route";
import * as publicItemsRoute from "@/app/api/public/datasets/[name]/items/route";
import * as publicDatasetsRoute from "@/app/api/public/datasets/route";
import { db } from "@/lib/db";
import { createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";

async function tenantWithKey(name: string) {
  const t = await createOrgAndProject(name);
  const key = await createKey(t.project);
  return { ...t, auth: `Bearer ${key.secretKey}`, publicAuth: `Bearer ${key.publicKey}` };
}

const createSet = (auth: string, body: unknown) => call(publicDatasetsRoute.POST, "POST", { authorization: auth, body });
const append = (auth: string, name: string, items: unknown[]) => call(publicItemsRoute.POST, "POST", { authorization: auth, params: { name }, body: { items } });
const itemCount = (projectId: string) => db.datasetItem.count({ where: { projectId } });

describe("public golden-set API", () => {
  it("creates a set by name (Korean and spaces too) and answers 409 with the existing id for a taken name", async () => {
    const t = await tenantWithKey("pub-ds");
    const name = "환불 질문 v2";
    const created = await createSet(t.auth, { name, description: "from CI" });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), name });
    const again = await createSet(t.auth, { name });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: "CONFLICT", details: { id: created.json.id, name } });
    expect((await createSet(t.auth, { name: "" })).status).toBe(400);
    expect((await createSet(t.publicAuth, { name: "x" })).status).toBe(403);
    expect(await db.dataset.count({ where: { projectId: t.project.id } })).toBe(1);
  });

  it("appends items in order and answers with their ids; the name may arrive percent-encoded", async () => {
    const t = await tenantWithKey("pub-items");
    const name = "환불 질문";
    const set = await createSet(t.auth, { name });
    const items = [
      { input: { q: "환불은 언제 되나요?" }, expectedOutput: "3영업일 이내", metadata: { lang: "ko" } },
      { input: "plain text input" },
      { input: [1, 2, 3], expectedOutput: { answer: 6 } },
    ];
    const res = await append(t.auth, encodeURIComponent(name), items);
    expect(res.status).toBe(201);
    expect(res.json.datasetId).toBe(set.json.id);
    expect(res.json.itemIds).toHaveLength(3);
    const listed = await call(itemsRoute.GET, "GET", { params: { projectId: t.project.id, datasetId: set.json.id }, cookie: t.owner.cookie });
    expect(listed.json.items.map((i: { itemId: string }) => i.itemId)).toEqual(res.json.itemIds);
    expect(listed.json.items.map((i: { input: unknown; expectedOutput: unknown; source: string }) => [i.input, i.expectedOutput, i.source])).toEqual([
      [{ q: "환불은 언제 되나요?" }, "3영업일 이내", "api"],
      ["plain text input", null, "api"],
      [[1, 2, 3], { answer: 6 }, "api"],
    ]);
  });

  it("refuses the whole batch when one item is bad, naming its index, and stores nothing", async () => {
    const t = await tenantWithKey("pub-bad");
    await createSet(t.auth, { name: "golden" });
    const missingInput = await append(t.auth, "golden", [{ input: "ok" }, { input: "ok too" }, { expectedOutput: "no input" }]);
    expect(missingInput.status).toBe(400);
    expect(missingInput.json.error.message).toMatch(/^body\.items\.2\.input: required/);
    const badMetadata = await append(t.auth, "golden", [{ input: "ok" }, { input: "x", metadata: "not an object" }]);
    expect(badMetadata.status).toBe(400);
    expect(badMetadata.json.error.message).toMatch(/^body\.items\.1\.metadata: must be a JSON object/);
    const unknownKey = await append(t.auth, "golden", [{ input: "x", expected_output: "snake case" }]);
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.json.error.message).toMatch(/^body\.items\.0/);
    expect((await append(t.auth, "golden", [])).status).toBe(400);
    expect(await itemCount(t.project.id)).toBe(0);
    expect((await append(t.auth, "no such set", [{ input: "x" }])).status).toBe(404);
  });

  it("keeps a key inside its project: another project's key cannot write into this project's set", async () => {
    const a = await tenantWithKey("pub-iso-a");
    const b = await tenantWithKey("pub-iso-b");
    await createSet(b.auth, { name: "b only set" });
    const res = await append(a.auth, "b only set", [{ input: "pwned" }]);
    expect(res.status).toBe(404);
    expect(await itemCount(b.project.id)).toBe(0);
    expect(await itemCount(a.project.id)).toBe(0);
    // The same name in A is A's own set.
    await createSet(a.auth, { name: "b only set" });
    expect((await append(a.auth, "b only set", [{ input: "mine" }])).status).toBe(201);
    expect(await itemCount(b.project.id)).toBe(0);
    expect(await itemCount(a.project.id)).toBe(1);
    expect((await append(a.publicAuth, "b only set", [{ input: "x" }])).status).toBe(403);
  });
});
