import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AnnotateResults, GuardResults, IngestResults, PromptsResults, RunsBenchResults } from "../lib/results";
import { loadRuns } from "./load-runs";
import { range, replaceSection, table } from "./markdown";
import { renderBenchmarksDoc } from "./render";
import { renderAnnotate } from "./render-annotate";
import { renderGuard } from "./render-guard";
import { renderIngest } from "./render-ingest";
import { renderPrompts } from "./render-prompts";
import { renderRuns } from "./render-runs";

const root = path.join(import.meta.dirname, "../..");

function ingestRun(over: { date: string; otlp: number; json: number; copy: number; label?: string }): IngestResults {
  const rate = (spansPerSec: number) => ({ spansPerSec, p50Ms: 150, p99Ms: 300, errors: 0 });
  return {
    benchmark: "ingest", format: 1, date: over.date, ...(over.label ? { label: over.label } : {}),
    machine: { cpuModel: "Test CPU", cores: 8, ramGiB: 32, node: "v22.1.0", postgres: "PostgreSQL 17.10 on x86_64-pc-linux-gnu, 64-bit" },
    parameters: { spansPerVariant: 60_000, batch: 100, concurrency: 16, warmupSpans: 4_000, halfLoadSeconds: 10, freshnessTries: 20 },
    measurements: {
      otlpProtobuf: rate(over.otlp), batchJson: rate(over.json), binaryCopy: { spansPerSec: over.copy },
      halfLoad: { targetSpansPerSec: over.json / 2, achievedRequests: 500, p50Ms: 17, p99Ms: 66, errors: 0 },
      freshnessMs: { p50: 6.5, max: 37 }, storedSpans: 180_000,
    },
    ratios: { otlpProtobufVsCopy: over.otlp / over.copy, batchJsonVsCopy: over.json / over.copy },
  };
}

describe("markdown pieces", () => {
  it("builds a table with right-aligned columns", () => {
    expect(table(["a", "b"], [["x", "1"]], ["left", "right"])).toBe("| a | b |\n| --- | ---: |\n| x | 1 |");
  });
  it("prints a range once when both ends format alike", () => {
    expect(range([34, 112, 50], (n) => String(n), " ms")).toBe("34–112 ms");
    expect(range([7.01, 7.04], (n) => n.toFixed(1), " ms")).toBe("7.0 ms");
  });
  it("replaces only what lies between a section's markers", () => {
    const doc = "intro\n<!-- bench:x:start -->\nold\n<!-- bench:x:end -->\noutro\n";
    expect(replaceSection(doc, "x", "new")).toBe("intro\n<!-- bench:x:start -->\nnew\n<!-- bench:x:end -->\noutro\n");
    expect(() => replaceSection(doc, "y", "new")).toThrow(/no <!-- bench:y:start -->/);
  });
});

describe("renderIngest", () => {
  const latest = { file: "bench/ingest/results.json", results: ingestRun({ date: "2026-12-01T10:00:00.000Z", otlp: 12_000, json: 9_500, copy: 60_000, label: "after X" }) };
  const earlier = { file: "bench/ingest/history/2026-11-25T0656Z.json", results: ingestRun({ date: "2026-11-25T06:56:43.552Z", otlp: 8_981, json: 10_940, copy: 64_964 }) };
  const sections = renderIngest(latest, [earlier]);

  it("puts the latest run's figures, machine and file in the headline", () => {
    expect(sections.ingest).toContain("**Machine**: 8 × Test CPU, 32 GiB RAM, Node v22.1.0, PostgreSQL 17.10. **Date**: 2026-12-01 10:00 UTC (after X). Raw output: `bench/ingest/results.json`.");
    expect(sections.ingest).toContain("| OTLP/HTTP protobuf | 12,000 | 0.20 | 150 ms | 300 ms |");
    expect(sections.ingest).toContain("| Batch JSON API | 9,500 | 0.16 | 150 ms | 300 ms |");
    expect(sections.ingest).not.toContain("8,981");
  });
  it("judges the goals on the latest run alone", () => {
    expect(sections["ingest:goals"]).toContain("| ≥ 10,000 spans/s | met: OTLP protobuf 12.0k, batch JSON 9.5k |");
    expect(sections["ingest:goals"]).toContain("| ≥ 0.5 of binary COPY | **not met**: 0.20 (OTLP), 0.16 (JSON) |");
  });
  it("lists history oldest first, each row linked to its raw output, the latest marked", () => {
    const rows = sections["ingest:history"]!.split("\n").slice(2);
    expect(rows[0]).toMatch(/^\| \[2026-11-25 06:56 UTC\]\(\.\.\/bench\/ingest\/history\/2026-11-25T0656Z\.json\) \| — \| 60,000 \| 8,981 \| 10,940 \| 64,964 \|/);
    expect(rows[1]).toContain("| after X (latest) |");
  });
});

describe("renderIngest with trace shapes and a profile", () => {
  const through = (spansPerSec: number) => ({ spansPerSec, p50Ms: 100, p99Ms: 400, errors: 0 });
  const run = ingestRun({ date: "2026-12-07T10:00:00.000Z", otlp: 5_000, json: 6_000, copy: 50_000 });
  run.measurements.workloads = [{ workload: "single-call", otlpProtobuf: through(2_000), batchJson: through(2_500), otlpJson: through(1_500), binaryCopy: { spansPerSec: 25_000 }, vsCopy: { otlpProtobuf: 0.08, batchJson: 0.1, otlpJson: 0.06 } }];
  run.measurements.profile = [{ workload: "single-call", profile: { decode: 6, validate: 3, map: 7, mask: 5, price: 10, flag: 1, serialize: 14, sql: 222, total: 268 },
    postgresAlone: { copySpans: 44, spansOnly: 64, full: 220, fullNoTrigram: 130, stagedCopy: 260, fewerTraceIndexes: 210, trigramPending64MB: 225 }, batchJson: { decode: 3, validateAndMap: 6 } }];
  const sections = renderIngest({ file: "bench/ingest/results.json", results: run }, []);

  it("gives each trace shape's ratio to COPY of the same rows, and judges the goal per shape", () => {
    expect(sections["ingest:workloads"]).toContain("| Single call: 1 GenAI span, ~600 characters of messages | 2,000 (0.08) | 2,500 (0.10) | 1,500 (0.06) | 25,000 | 400 ms |");
    expect(sections["ingest:goals"]).toContain("| ≥ 0.5 of binary COPY, single-call traces | **not met**: 0.08 (OTLP protobuf), 0.10 (batch JSON), 0.06 (OTLP/JSON) |");
  });
  it("prints µs per span by stage and the limit with Node taken out", () => {
    expect(sections["ingest:profile"]).toContain("| sql | 222 |");
    expect(sections["ingest:profile"]).toContain("| **total** | **268** |");
    expect(sections["ingest:profile"]).toContain("| the same, into a copy without the five secondary btree indexes (explorer sorts, session, user) | 210 |");
    expect(sections["ingest:profile"]).toContain("| **limit with Node taken out**: COPY ÷ our whole statement | **0.20** |");
  });
  it("says so when the latest run did not measure them", () => {
    expect(renderIngest({ file: "x", results: ingestRun({ date: "2026-12-01T10:00:00.000Z", otlp: 1, json: 1, copy: 1 }) }, [])["ingest:profile"]).toBe("_Not measured in the latest run._");
  });
});

describe("docs/benchmarks.md", () => {
  it("is what bench:report renders from the committed results files (run npm run bench:report)", async () => {
    const doc = await readFile(path.join(root, "docs/benchmarks.md"), "utf8");
    expect(renderBenchmarksDoc(doc, await loadRuns(root))).toBe(doc);
  });
  it("keeps prose outside the markers as written", async () => {
    const doc = await readFile(path.join(root, "docs/benchmarks.md"), "utf8");
    const edited = doc.replace("### What limits it", "### What limits it (edited)");
    expect(renderBenchmarksDoc(edited, await loadRuns(root))).toContain("### What limits it (edited)");
  });
});

describe("renderPrompts", () => {
  const stats = (p99Ms: number) => ({ requests: 1000, p50Ms: p99Ms / 3, p99Ms, maxMs: p99Ms * 2, errors: 0 });
  const paths = { cached: stats(9), uncached: stats(30), floor: stats(8) };
  const results: PromptsResults = {
    benchmark: "prompts", format: 1, date: "2026-12-07T10:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, ramGiB: 8, node: "v20.1.0", postgres: null },
    parameters: { fetchers: 50, seconds: 30, warmupSeconds: 5, idleSeconds: 5, ingestClients: 16, batch: 100, canaryPercent: 10, stickyKeys: 1000, templateBytes: 1500 },
    measurements: { idle: paths, loaded: paths, ingest: { spansPerSec: 7000, requests: 2100, p50Ms: 200, p99Ms: 400, errors: 0, storedSpans: 210_000 } },
    ratios: { cachedVsFloorP99: 1.13, uncachedVsFloorP99: 3.75, uncachedVsCachedP99: 3.33 },
  };
  const sections = renderPrompts({ file: "bench/prompts/results.json", results }, []);
  it("shows each path's p99 against the floor's, and judges both goals", () => {
    expect(sections.prompts).toContain("| ingest running | prompt fetch, cached | 1,000 | 3.0 ms | 9.0 ms | 18.0 ms | 1.13 | 0 |");
    expect(sections["prompts:goals"]).toContain("| cached fetch p99 ≤ 1.5 × floor p99 | met: 1.13 (9.0 ms vs 8.0 ms) |");
    expect(sections["prompts:goals"]).toContain("| cached fetch p99 < 10 ms | met: 9.0 ms |");
  });
});

describe("renderGuard", () => {
  const stats = (p50Ms: number, p99Ms: number) => ({ requests: 1000, p50Ms, p99Ms, maxMs: p99Ms * 2, errors: 0 });
  const phase = (guard: number, floor: number) => ({ guard: stats(guard / 3, guard), floor: stats(floor / 3, floor), verdicts: { allow: 800, mask: 180, block: 20 } });
  const results: GuardResults = {
    benchmark: "guard", format: 1, date: "2026-12-07T10:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, ramGiB: 8, node: "v20.1.0", postgres: null },
    parameters: { callers: 32, singleSeconds: 5, seconds: 20, aloneSeconds: 10, warmupSeconds: 3, ingestClients: 16, batch: 100, textBytes: 2048, texts: 400, detectorRuns: 20000 },
    measurements: {
      detectors: stats(0.011, 0.04), single: phase(3, 4), alone: phase(4.5, 4), loaded: phase(30, 10),
      ingest: { spansPerSec: 5000, requests: 900, p50Ms: 300, p99Ms: 600, errors: 0 }, guardSpans: 3000,
    },
    ratios: { aloneGuardVsFloorP99: 1.13, loadedGuardVsFloorP99: 3, aloneGuardVsFloorP50: 1.13, loadedGuardVsFloorP50: 3 },
  };
  const sections = renderGuard({ file: "bench/guard/results.json", results }, []);
  it("shows each path against the floor, the detectors in microseconds, and judges the goals", () => {
    expect(sections.guard).toContain("| 32 callers, alone | `POST /api/public/guard` | 1,000 | 1.5 ms | 4.5 ms | 9.0 ms | 1.13 | 0 |");
    expect(sections.guard).toContain("| in process | the detectors alone (built-in policy) | 1,000 | 11 µs | 40 µs | 80 µs | — | 0 |");
    expect(sections["guard:goals"]).toContain("| guard p99 ≤ 1.5 × floor p99, alone | met: 1.13 (4.5 ms vs 4.0 ms) |");
    expect(sections["guard:goals"]).toContain("| guard p99 ≤ 1.5 × floor p99, ingest running | **not met**: 3.00 (30 ms vs 10.0 ms) |");
    expect(sections["guard:goals"]).toContain("| aim: guard p99 < 5 ms alone (32 callers) | met: 4.5 ms |");
  });
});

describe("renderRuns", () => {
  const web = (p95Ms: number) => ({ requests: 500, p50Ms: p95Ms / 2, p95Ms, errors: 0 });
  const run = (concurrency: number, itemsPerSec: number) => ({
    concurrency, items: 2000, done: 2000, failed: 0, traces: 2000, providerCalls: 2000, executorSeconds: 2000 / itemsPerSec, endToEndSeconds: 2000 / itemsPerSec + 1,
    itemsPerSec, idealItemsPerSec: concurrency * 20, ratioToIdeal: +(itemsPerSec / (concurrency * 20)).toFixed(2), overheadMsPerItem: 5, medianItemMs: 60, medianCallMs: 51, web: web(12),
  });
  const results: RunsBenchResults = {
    benchmark: "runs", format: 1, date: "2026-12-07T10:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, ramGiB: 8, node: "v20.1.0", postgres: null },
    parameters: { items: 2000, latencyMs: 50, concurrencies: [8, 32, 64], webClients: 4, idleSeconds: 5, evaluators: ["contains", "length"] },
    measurements: { idleWeb: web(10), runs: [run(8, 150), run(32, 540), run(64, 900)] },
    ratios: { ratioToIdealAt32: 0.84, webP95DuringRunAt32VsIdle: 1.2 },
  };
  const sections = renderRuns({ file: "bench/runs/results.json", results }, []);
  it("reports items/s against the ideal per concurrency and judges the goals", () => {
    expect(sections.runs).toContain("| 32 | 540 | 640 | 0.84 | 5.0 ms |");
    expect(sections["runs:goals"]).toContain("| ≥ 0.8 of ideal at concurrency 32 | met: 0.84 (540 of 640 items/s) |");
    expect(sections["runs:goals"]).toContain("| web p95 during the run ≤ 1.5 × idle | met: 1.20 at concurrency 32 |");
  });
});

describe("renderAnnotate", () => {
  const results: AnnotateResults = {
    benchmark: "annotate", format: 1, date: "2026-12-07T10:00:00.000Z",
    machine: { cpuModel: "Test CPU", cores: 2, ramGiB: 8, node: "v20.1.0", postgres: null },
    parameters: { pairs: 100_000, annotators: 20, judgmentsPerPair: 1, baselineCycles: 150, seconds: 20 },
    measurements: { single: { cycles: 140, p50Ms: 20, p95Ms: 30, cyclesPerSec: 40 }, concurrent: { cycles: 800, p50Ms: 30, p95Ms: 45, cyclesPerSec: 40 }, accepted: 950, errors: 0, stored: 950, overK: 0, doubled: 0, miscounted: 0 },
    ratios: { p95ConcurrentVsSingle: 1.5 },
  };
  const sections = renderAnnotate({ file: "bench/annotate/results.json", results }, []);
  it("judges the p95 ratio, the exactly-once check and the 50 ms aim", () => {
    expect(sections["annotate:goals"]).toContain("| p95 with 20 annotators ≤ 2 × single-user p95 | met: 1.50 (45 ms vs 30 ms) |");
    expect(sections["annotate:goals"]).toContain("| no lost or doubled judgment | met: 950 accepted, 950 stored |");
    expect(sections["annotate:goals"]).toContain("| aim: p95 < 50 ms with 20 annotators | met: 45 ms |");
  });
});
