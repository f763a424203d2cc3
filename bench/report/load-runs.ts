/** Reads each benchmark's results.json and history/*.json (oldest first) for the report. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { AnyResults } from "../lib/results";
import type { Recorded } from "./markdown";
import type { AllRuns, Runs } from "./render";

async function read<T extends AnyResults>(root: string, file: string, benchmark: T["benchmark"]): Promise<Recorded<T>> {
  const results = JSON.parse(await readFile(path.join(root, file), "utf8")) as T;
  // The files are written by the runners and by hand-restored history: check the envelope, not every field.
  if (results.benchmark !== benchmark || results.format !== 1) throw new Error(`${file} is not a format-1 ${benchmark} results file`);
  return { file, results };
}

async function runs<T extends AnyResults>(root: string, benchmark: T["benchmark"]): Promise<Runs<T>> {
  const dir = `bench/${benchmark}`;
  const names = await readdir(path.join(root, dir, "history")).catch(() => [] as string[]);
  const history = await Promise.all(names.filter((n) => n.endsWith(".json")).map((n) => read<T>(root, `${dir}/history/${n}`, benchmark)));
  history.sort((a, b) => a.results.date.localeCompare(b.results.date));
  return { latest: await read<T>(root, `${dir}/results.json`, benchmark), history };
}

export async function loadRuns(root: string): Promise<AllRuns> {
  return { ingest: await runs(root, "ingest"), dashboard: await runs(root, "dashboard"), explorer: await runs(root, "explorer"), drift: await runs(root, "drift"), prompts: await runs(root, "prompts"), runs: await runs(root, "runs"), annotate: await runs(root, "annotate"), guard: await runs(root, "guard"), rag: await runs(root, "rag") };
}
