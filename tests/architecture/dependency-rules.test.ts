// The layering rules of .dependency-cruiser.cjs, checked on the real tree, and shown to bite:
// each rule is fed a probe file that breaks it and must report it.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cruise, type ICruiseOptions, type IReporterOutput } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
let options: ICruiseOptions;

beforeAll(async () => {
  process.chdir(ROOT);
  options = await extractDepcruiseOptions(path.join(ROOT, ".dependency-cruiser.cjs"));
});

type Violation = { rule: string; from: string; to: string };

async function violations(paths: string[]): Promise<Violation[]> {
  const result: IReporterOutput = await cruise(paths, options, undefined, { tsConfig: extractTSConfig(path.join(ROOT, "tsconfig.json")) });
  if (typeof result.output === "string") throw new Error("expected a JSON result");
  return result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** Writes probe files into the tree for one cruise, and always removes them. */
async function withProbes<T>(files: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(ROOT, file), text);
    return await run();
  } finally {
    for (const file of Object.keys(files)) await rm(path.join(ROOT, file), { force: true });
  }
}

describe("dependency rules (dependency-cruiser)", () => {
  it("hold for app/, components/, lib/, sdk/ and scripts/", async () => {
    const found = await violations(["app", "components", "lib", "sdk", "scripts"]);
    expect(found, found.map((v) => `${v.rule}: ${v.from} → ${v.to}`).join("\n")).toEqual([]);
  }, 60_000);

  it("refuse a component that imports lib/db, directly or through a server-only module; a type-only import is allowed", async () => {
    const found = await withProbes(
      {
        "components/depcruise-probe-db.tsx": 'import { db } from "@/lib/db";\nexport const probe = db;\n',
        "lib/queries/depcruise-probe-job.ts": 'import { sendJob } from "@/lib/jobs/send-job";\nexport const probe = sendJob;\n',
        "components/depcruise-probe-type.tsx": 'import type { Db } from "@/lib/db-client";\nexport type Probe = Db;\n',
      },
      () => violations(["components/depcruise-probe-db.tsx", "lib/queries/depcruise-probe-job.ts", "components/depcruise-probe-type.tsx"]),
    );
    expect(found).toContainEqual({ rule: "client-reaches-server", from: "components/depcruise-probe-db.tsx", to: "lib/db.ts" });
    expect(found).toContainEqual({ rule: "client-reaches-server", from: "lib/queries/depcruise-probe-job.ts", to: "lib/db-job-queue.ts" });
    expect(found.filter((v) => v.from === "components/depcruise-probe-type.tsx")).toEqual([]);
  }, 60_000);

  it("refuse lib/ importing components/, the SDK importing the app, and cycles", async () => {
    const found = await withProbes(
      {
        "lib/depcruise-probe-ui.ts": 'import { cn } from "@/components/ui/cn";\nexport const probe = cn;\n',
        "sdk/src/depcruise-probe-app.ts": 'import { jsonText } from "../../lib/json";\nexport const probe = jsonText;\n',
        "lib/depcruise-probe-a.ts": 'import { b } from "./depcruise-probe-b";\nexport const a = () => b;\n',
        "lib/depcruise-probe-b.ts": 'import { a } from "./depcruise-probe-a";\nexport const b = () => a;\n',
      },
      () => violations(["lib/depcruise-probe-ui.ts", "sdk/src/depcruise-probe-app.ts", "lib/depcruise-probe-a.ts"]),
    );
    const rules = (from: string) => found.filter((v) => v.from === from).map((v) => v.rule);
    expect(rules("lib/depcruise-probe-ui.ts")).toContain("lib-imports-routes-or-ui");
    expect(rules("sdk/src/depcruise-probe-app.ts")).toContain("sdk-stands-alone");
    expect(rules("lib/depcruise-probe-a.ts")).toContain("no-circular");
  }, 60_000);
});
