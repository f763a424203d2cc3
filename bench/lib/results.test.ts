import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type AnyResults, historyFileName, writeResults } from "./results";

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
const tempDir = async () => { const d = await mkdtemp(path.join(os.tmpdir(), "bench-results-")); dirs.push(d); return d; };
const run = (date: string) => ({ benchmark: "drift", format: 1, date }) as unknown as AnyResults;

describe("writeResults", () => {
  it("moves the recorded run to history before writing the new one", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "results.json"), JSON.stringify(run("2026-11-25T12:24:25.427Z")));
    await writeResults(dir, run("2026-12-01T08:00:00.000Z"), null);
    expect(JSON.parse(await readFile(path.join(dir, "results.json"), "utf8")).date).toBe("2026-12-01T08:00:00.000Z");
    expect(await readdir(path.join(dir, "history"))).toEqual(["2026-11-25T1224Z.json"]);
  });
  it("writes a trial size beside the record and leaves the record alone", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "results.json"), JSON.stringify(run("2026-11-25T12:24:25.427Z")));
    expect(await writeResults(dir, run("2026-12-01T08:00:00.000Z"), "2000")).toBe(path.join(dir, "results-2000.json"));
    expect(JSON.parse(await readFile(path.join(dir, "results.json"), "utf8")).date).toBe("2026-11-25T12:24:25.427Z");
    expect((await readdir(dir)).sort()).toEqual(["results-2000.json", "results.json"]);
  });
  it("names history files by date and time so a day's runs sort", () => {
    expect(historyFileName("2026-11-25T06:56:43.552Z")).toBe("2026-11-25T0656Z.json");
  });
});
