import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as tracesRoute from "@/app/api/projects/[projectId]/traces/route";
import * as ingestRoute from "@/app/api/public/ingest/route";
import { createKey, createOrgAndProject } from "../factories";
import { call } from "../support/route";

// traces.search_text is kept at ingest (lib/ingest/sql/search-text.ts); the explorer's `q` searches it.
const BASE = Date.UTC(2026, 10, 20, 9, 0, 0);
const hex = (n: number) => randomBytes(n).toString("hex");
describe("search text of traces whose root span carries no text", () => {
  it("falls back to the spans' text until the trace's own input or output arrives", async () => {
    const other = await createOrgAndProject("search-fallback");
    const key = await createKey(other.project);
    const send = (batch: unknown[]) => call(ingestRoute.POST, "POST", { authorization: `Bearer ${key.secretKey}`, body: { batch } });
    const find = async (q: string) => (await call(tracesRoute.GET, "GET", {
      params: { projectId: other.project.id }, cookie: other.owner.cookie, query: { q, from: new Date(BASE - 86_400_000).toISOString() },
    })).json.data.map((r: { id: string }) => r.id);
    const at = (ms: number) => new Date(BASE + ms).toISOString();
    const [bare, rooted] = [hex(16), hex(16)];
    const [bareRoot, rootedRoot] = [hex(8), hex(8)];

    // Children are exported first (they end first); the HTTP root span has no input or output at all.
    expect((await send([
      { id: hex(8), type: "generation", body: { id: hex(8), traceId: bare, parentId: bareRoot, name: "chat", model: "gpt-4o-mini", startTime: at(10), endTime: at(900), input: [{ role: "user", content: "Where is parcel ZX-4411?" }], output: "It left the depot today." } },
      { id: hex(8), type: "generation", body: { id: hex(8), traceId: rooted, parentId: rootedRoot, name: "chat", model: "gpt-4o-mini", startTime: at(10), endTime: at(900), input: "child question KW-9000", output: "child answer" } },
    ])).status).toBe(207);
    expect(await find("ZX-4411")).toEqual([bare]);
    expect(await find("KW-9000")).toEqual([rooted]);

    expect((await send([
      { id: hex(8), type: "span", body: { id: bareRoot, traceId: bare, name: "POST /chat", startTime: at(0), endTime: at(1000) } },
      { id: hex(8), type: "span", body: { id: rootedRoot, traceId: rooted, name: "answer", startTime: at(0), endTime: at(1000), input: "root question QQ-7788", output: "root answer" } },
    ])).status).toBe(207);
    // No text on the root: still found by its spans' text. Text on the root: the trace's own text wins.
    expect(await find("ZX-4411")).toEqual([bare]);
    expect(await find("depot today")).toEqual([bare]);
    expect(await find("QQ-7788")).toEqual([rooted]);
    expect(await find("KW-9000")).toEqual([]);
  });
});
