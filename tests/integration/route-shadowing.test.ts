import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP, folders } from "../support/route-tree";

// Trace and session ids come from users' SDKs and OTel exporters, and prompt labels from their
// authors, so any string (of the allowed characters) can be one.
// In the App Router a static folder beside `[traceId]` wins over it: `traces/options` once
// made the trace whose id is "options" unreachable. No user-named segment may have static siblings
// (prompt names too: a folder beside `prompts/[...name]` would hide the prompt of that name).
const USER_NAMED = new Set(["[traceId]", "[sessionId]", "[label]", "[...name]"]);

describe("routes", () => {
  it("no static route segment shadows a user-provided trace or session id", async () => {
    const shadowed: string[] = [];
    for (const dir of await folders(APP)) {
      const children = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
      if (!children.some((c) => USER_NAMED.has(c))) continue;
      // Route groups "(…)" and private "_…" folders add no URL segment.
      for (const c of children) if (!c.startsWith("[") && !c.startsWith("(") && !c.startsWith("_")) shadowed.push(path.relative(APP, path.join(dir, c)));
    }
    expect(shadowed).toEqual([]);
    // The check sees the folders it guards.
    expect((await folders(APP)).some((d) => d.endsWith(path.join("traces", "[traceId]")))).toBe(true);
  });
});
