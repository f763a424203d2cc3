/**
 * npm run bench:report — renders the generated sections of docs/benchmarks.md (between
 * `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->`) from bench/<name>/results.json
 * and bench/<name>/history/*.json. `--check` changes nothing and fails if the docs are stale.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadRuns } from "./report/load-runs";
import { renderBenchmarksDoc } from "./report/render";

const root = path.join(import.meta.dirname, "..");
const docPath = path.join(root, "docs/benchmarks.md");
const doc = await readFile(docPath, "utf8");
const rendered = renderBenchmarksDoc(doc, await loadRuns(root));

if (process.argv.includes("--check")) {
  if (rendered !== doc) {
    console.error("docs/benchmarks.md differs from the results files: run npm run bench:report");
    process.exit(1);
  }
  console.log("docs/benchmarks.md matches the results files");
} else {
  await writeFile(docPath, rendered);
  console.log(rendered === doc ? "docs/benchmarks.md already up to date" : "wrote docs/benchmarks.md");
}
