/**
 * The record each benchmark writes (bench/<name>/results.json) and `npm run bench:report`
 * renders into docs/benchmarks.md: one envelope — which benchmark, when, on what machine,
 * with which parameters — around the raw measurements and the side-by-side ratios the run
 * reports. Earlier runs keep the same shape under bench/<name>/history/.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export type Machine = { cpuModel: string; cores: number; ramGiB: number | null; node: string; postgres: string | null };

export type BenchResults<Name extends string, Parameters, Measurements, Ratios> = {
  benchmark: Name;
  format: 1;
  date: string;
  /** What this run measured, in a few words ("with the sort indexes"); set with BENCH_LABEL. */
  label?: string;
  /** For runs restored from git history: the commit that recorded them. */
  commit?: string;
  machine: Machine;
  parameters: Parameters;
  measurements: Measurements;
  ratios: Ratios;
};

type Throughput = { spansPerSec: number; p50Ms: number; p99Ms: number; errors: number };
export type IngestResults = BenchResults<"ingest",
  { spansPerVariant: number; batch: number; concurrency: number; warmupSpans: number; halfLoadSeconds: number; freshnessTries: number },
  {
    otlpProtobuf: Throughput; batchJson: Throughput; binaryCopy: { spansPerSec: number };
    halfLoad: { targetSpansPerSec: number; achievedRequests: number; p50Ms: number; p99Ms: number; errors: number };
    freshnessMs: { p50: number; max: number }; storedSpans: number;
    /** Since spans are partitioned by day (2026-12): bench/ingest/statement-cost.ts. */
    insertStatement?: InsertStatementCost;
    /** Since 2026-12-07: each trace shape (bench/ingest/workload.ts) end to end, beside binary COPY of the same rows. */
    workloads?: IngestWorkloadResult[];
    /** Since 2026-12-07: µs per span by stage, in-process, and Postgres alone with the prepared rows (bench/ingest/profile.ts). */
    profile?: IngestProfile[];
  },
  { otlpProtobufVsCopy: number; batchJsonVsCopy: number; insertStatementPartitionedVsUnpartitionedP50?: number }>;

export type IngestWorkloadResult = {
  workload: string; otlpProtobuf: Throughput; batchJson: Throughput; otlpJson: Throughput; binaryCopy: { spansPerSec: number };
  vsCopy: { otlpProtobuf: number; batchJson: number; otlpJson: number };
};
export type IngestProfile = {
  workload: string;
  /** OTLP protobuf, µs per span (median batch of 100 ÷ 100). */
  profile: { decode: number; validate: number; map: number; mask: number; price: number; flag: number; serialize: number; sql: number; total: number };
  postgresAlone: {
    copySpans: number; spansOnly: number; full: number; fullNoTrigram: number; stagedCopy: number; fewerTraceIndexes?: number; trigramPending64MB?: number;
    twoStatements?: number; deferredSummaries?: number;
  };
  /** structuredClone of a batch's prepared rows, µs per span (runs since session 8). */
  workerHandOff?: number;
  batchJson: { decode: number; validateAndMap: number };
};

export type InsertStatementCost = {
  batches: number; batch: number;
  partitioned: { p50Ms: number; p90Ms: number }; unpartitioned: { p50Ms: number; p90Ms: number }; p50Ratio: number;
};

export type DashboardScenario = {
  name: string; bucket: string; source: string; spansInRange: number;
  ours: { p50Ms: number; p95Ms: number; maxMs: number; runs: number };
  raw: { p50Ms: number; runsMs: number[] };
  maxErrorVsDisc: number; maxErrorVsCont: number; sumsMatch: boolean;
  totalsLatencyMs: { sketch: number[]; disc: number[]; cont: number[] };
  sqlOnly: { sqlMs: number; sources: { source: string; ms: number; rows: number }[] };
};
/** Seconds per load step and rows built; runs before the 15-minute tiers built hour rollups only. */
export type DashboardLoad = {
  copySec: number; indexSec: number; minutesSec: number; analyzeSec: number; minuteRows: number;
  tiersSec?: number; tierRows?: number; hoursSec?: number; hourRows?: number;
};
export type DashboardResults = BenchResults<"dashboard",
  { spans: number; days: number; end: string; project: string; oursRuns: number; oursWarmups: number; rawRuns: number; loadSettings: Record<string, string> },
  { load: DashboardLoad; rollupCutoff: string | null; scenarios: DashboardScenario[]; minutesOnly: { name: string; p50Ms: number; maxMs: number; runs: number } },
  /** Raw p50 / ours p50, by scenario name. */
  { speedup: Record<string, number> }>;

export type ExplorerScenario = {
  name: string; rows: number; p50Ms: number; p95Ms: number; maxMs: number;
  plan: { summary: string; lines: string[] } | null;
  /** The straightforward query measured beside it (sessions: grouping every session of the range). */
  baseline?: { name: string; p50Ms: number };
};
export type ExplorerResults = BenchResults<"explorer",
  { spans: number; days: number; runs: number; warmups: number },
  {
    /** feedbackScores: recorded since the runs after 11:45 on 2026-11-25. */
    dataset: { spans: number | null; traces: number; feedbackScores?: number | null; end: string; sizes: Record<string, string> | undefined };
    load: { tracesSec: number; spansSec: number; indexSec: number }; scenarios: ExplorerScenario[];
    /** Since spans are partitioned by day (2026-12): what retention of the oldest days costs (bench/explorer/run.ts measureRetention). */
    retention?: ExplorerRetention;
    /** Trace detail and an unpruned span read with this week's partitions and with a year of them (measurePartitionCount). */
    partitionCount?: { week: PartitionCountRun; year: PartitionCountRun; createSec: number };
  },
  /** Baseline p50 / ours p50, by scenario name, for the scenarios with a baseline; retention: ms per span deleted row by row / ms per span dropped with its partition. */
  { vsBaseline: Record<string, number>; retentionRowDeleteVsDropPerSpan?: number }>;

export type PartitionCountRun = { partitions: number; traceDetailP50Ms: number; byTraceIdAloneP50Ms: number };

export type ExplorerRetention = {
  retentionDays: number; boundary: string;
  traces: { deleted: number; scores: number; ms: number; perSec: number };
  spansDropped: { partitions: string[]; spans: number; ms: number };
  spansRowDeleted: { partition: string; spans: number; ms: number; perSec: number; vacuumMs?: number };
  rowDeleteVsDropPerSpan: number;
};

export type DriftScoreRun = {
  case: string; maxPerSide: number; permutations: number; medianMs: number; maxMs: number; distance: number; pValue: number;
  /** The product's decision for this pair as one window (recorded since the floor was; absent in older runs). */
  noise?: number; floor?: number; flagged?: boolean;
};
export type DriftResults = BenchResults<"drift",
  { vectorsPerSide: number; dim: number; workerSpans: number; thresholds?: { alpha: number; minDistance?: number; minEffect?: number } },
  {
    score: DriftScoreRun[];
    deepCheck: { mmdMedianMs: number; classifierMedianMs: number; mapMedianMs: number };
    embedder: { textsPerSecond: number };
    worker: { spans: number; embedded: number; embedSeconds: number; spansPerSecond: number; reportSeconds: number; drifted: number[] };
  },
  { workerVsEmbedderAlone: number }>;

export type LatencyStats = { requests: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number };
type PromptPaths = { cached: LatencyStats; uncached: LatencyStats; floor: LatencyStats };
export type PromptsResults = BenchResults<"prompts",
  {
    fetchers: number; seconds: number; warmupSeconds: number; idleSeconds: number; ingestClients: number; batch: number;
    canaryPercent: number; stickyKeys: number; templateBytes: number;
  },
  {
    /** The three paths with no ingest running, then under the ingest load. */
    idle: PromptPaths; loaded: PromptPaths;
    ingest: { spansPerSec: number; requests: number; p50Ms: number; p99Ms: number; errors: number; storedSpans: number };
  },
  /** p99 over p99, under ingest load. */
  { cachedVsFloorP99: number; uncachedVsFloorP99: number; uncachedVsCachedP99: number }>;

export type WebLatency = { requests: number; p50Ms: number; p95Ms: number; errors: number };
export type RunsBenchRun = {
  concurrency: number; items: number; done: number; failed: number; traces: number; providerCalls: number;
  executorSeconds: number; endToEndSeconds: number; itemsPerSec: number; idealItemsPerSec: number; ratioToIdeal: number;
  overheadMsPerItem: number;
  /** Median claim-to-completion time of an item, and of the provider call within it (client-measured). */
  medianItemMs: number; medianCallMs: number;
  web: WebLatency;
};
export type RunsBenchResults = BenchResults<"runs",
  { items: number; latencyMs: number; concurrencies: number[]; webClients: number; idleSeconds: number; evaluators: string[] },
  { idleWeb: WebLatency; runs: RunsBenchRun[] },
  { ratioToIdealAt32: number; webP95DuringRunAt32VsIdle: number }>;

export type CycleStats = { cycles: number; p50Ms: number; p95Ms: number; cyclesPerSec: number };
export type AnnotateResults = BenchResults<"annotate",
  /** thinkMs: the pause between an annotator's cycles in the concurrent phase (absent: none, a closed loop). */
  { pairs: number; annotators: number; judgmentsPerPair: number; baselineCycles: number; seconds: number; thinkMs?: [number, number] },
  /** One cycle = submit a judgment + lease the next pair. accepted: 201s; stored: judgment rows; overK/doubled/miscounted must be 0. */
  { single: CycleStats; concurrent: CycleStats; accepted: number; errors: number; stored: number; overK: number; doubled: number; miscounted: number },
  { p95ConcurrentVsSingle: number }>;

type GuardPhase = { guard: LatencyStats; floor: LatencyStats; verdicts: { allow: number; mask: number; block: number } };
export type GuardResults = BenchResults<"guard",
  { callers: number; singleSeconds: number; seconds: number; aloneSeconds: number; warmupSeconds: number; ingestClients: number; batch: number; textBytes: number; texts: number; detectorRuns: number },
  {
    /** The built-in policy's detectors on the same texts in the benchmark's own process (per call). */
    detectors: LatencyStats;
    /** One caller, nothing else running: each path's service time. */
    single: GuardPhase;
    alone: GuardPhase; loaded: GuardPhase;
    ingest: { spansPerSec: number; requests: number; p50Ms: number; p99Ms: number; errors: number };
    /** Guardrail spans stored by the end (every guard call records one, off the request path). */
    guardSpans: number;
  },
  { aloneGuardVsFloorP99: number; loadedGuardVsFloorP99: number; aloneGuardVsFloorP50: number; loadedGuardVsFloorP50: number }>;


/** One measured phase of bench:rag: ingest with online evaluation off or on, and what the evaluator did meanwhile. */
export type RagBenchPhase = {
  mode: "on" | "off"; seconds: number; traces: number; tracesPerSec: number; requests: number; errors: number; p50Ms: number; p95Ms: number;
  judgeCalls: number; evaluated: number; scored: number; evaluatorErrors: number; evaluatorPasses: number;
  /** CPU the evaluator process used during the phase (absent in runs before it was measured). */
  evaluatorCpuMs?: number;
  /** CPU (ms) by process group during the phase, from /proc (bench/rag/process-cpu.ts; absent in runs before it was measured). */
  cpuMs?: Record<string, number>;
};
export type RagBenchResults = BenchResults<"rag",
  { workerNice?: number; phaseSeconds: number; order: ("on" | "off")[]; clients: number; tracesPerRequest: number; documentsPerTrace: number; latencyMs: number; sampleRate: number; evaluator: string },
  { phases: RagBenchPhase[]; evalScores: number; traces: number },
  { onVsOffThroughput: number; onTracesPerSec: number; offTracesPerSec: number }>;

export type AnyResults = IngestResults | GuardResults | DashboardResults | ExplorerResults | DriftResults | PromptsResults | RunsBenchResults | AnnotateResults | RagBenchResults;

/** CPU, cores, RAM and Node of this process; the Postgres version string from `select version()`. */
export function machineFacts(postgres: string | null): Machine {
  const cpus = os.cpus();
  return { cpuModel: cpus[0]?.model.trim() ?? "unknown", cores: cpus.length, ramGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres };
}

export async function postgresVersion(client: { query: (sql: string) => Promise<{ rows: { v: string }[] }> }): Promise<string | null> {
  return (await client.query("select version() as v")).rows[0]?.v ?? null;
}

/** BENCH_LABEL, for the History table: what this run measured. */
export const runLabel = () => (process.env.BENCH_LABEL ? { label: process.env.BENCH_LABEL } : {});

/**
 * Writes `results.json` for a run at the default size, first moving the run it replaces to
 * history/<its date>.json; a trial at another size writes results-<suffix>.json and leaves
 * the recorded run alone.
 */
export async function writeResults(dir: string, results: AnyResults, trialSuffix: string | null): Promise<string> {
  const file = path.join(dir, trialSuffix === null ? "results.json" : `results-${trialSuffix}.json`);
  if (trialSuffix === null) {
    const previous = await readFile(file, "utf8").then((t) => JSON.parse(t) as { date?: string }, () => null);
    if (previous?.date) {
      await mkdir(path.join(dir, "history"), { recursive: true });
      await rename(file, path.join(dir, "history", historyFileName(previous.date)));
    }
  }
  await writeFile(file, JSON.stringify(results, null, 2) + "\n");
  return file;
}

/** `2026-11-25T06:56:43.552Z` → `2026-11-25T0656Z.json`: several runs a day sort by time. */
export const historyFileName = (date: string) => `${date.slice(0, 10)}T${date.slice(11, 13)}${date.slice(14, 16)}Z.json`;
