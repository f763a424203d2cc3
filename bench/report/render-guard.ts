/** docs/benchmarks.md's guard sections from bench/guard/results.json and its history. */
import type { GuardResults, LatencyStats } from "../lib/results";
import { historyRows, int, ms, type Recorded, ratio, runLine, table } from "./markdown";

const GOAL_RATIO = 1.5;
const AIM_P99_MS = 5;
/** Sub-millisecond figures (the in-process detectors) in microseconds. */
const time = (n: number) => (n < 1 ? `${Math.round(n * 1000)} µs` : ms(n));

export function renderGuard(recorded: Recorded<GuardResults>, history: Recorded<GuardResults>[]): Record<string, string> {
  const { parameters: p, measurements: m, ratios } = recorded.results;
  const row = (load: string, path: string, s: LatencyStats, floor: LatencyStats | null) =>
    [load, path, int(s.requests), time(s.p50Ms), time(s.p99Ms), time(s.maxMs), floor ? ratio(s.p99Ms / floor.p99Ms) : "—", int(s.errors)];
  const phase = (load: string, x: GuardResults["measurements"]["alone"]) => [row(load, "`POST /api/public/guard`", x.guard, x.floor), row(load, "floor: `GET /api/public/projects`", x.floor, x.floor)];
  const results = table(["Load", "Path", "requests", "p50", "p99", "max", "p99 / floor p99", "errors"], [
    ...phase(`${p.callers} callers, alone`, m.alone),
    ...phase(`${p.callers} callers, ingest running`, m.loaded),
    ...phase("1 caller, alone", m.single),
    row("in process", "the detectors alone (built-in policy)", m.detectors, null),
  ], ["left", "left", "right", "right", "right", "right", "right", "right"]);
  const v = m.alone.verdicts;
  const run = [
    runLine(recorded),
    `${p.callers} callers, each alternating a guard call (a ~${int(p.textBytes)}-byte English or Korean text, one of ${p.texts}; two in three checked as inputs, one as an output, with the built-in policy) and the floor, ` +
      `for ${p.aloneSeconds} s with nothing else running, then for ${p.seconds} s while ${p.ingestClients} clients send the ingest benchmark's batches of ${p.batch} spans as fast as the server takes them (${p.warmupSeconds} s warm-up before each). ` +
      `First one caller alone for ${p.singleSeconds} s (service time without queueing), and the detectors on the same texts in the benchmark's own process (${int(p.detectorRuns)} calls).`,
    results,
    `Verdicts while alone: ${int(v.allow)} allow, ${int(v.mask)} mask, ${int(v.block)} block. Every guard call recorded a guardrail span off the request path (${int(m.guardSpans)} stored by the end). ` +
      `Ingest during the loaded run: **${int(m.ingest.spansPerSec)} spans/s**, request p50 ${ms(m.ingest.p50Ms)}, p99 ${ms(m.ingest.p99Ms)}, ${int(m.ingest.errors)} errors.`,
  ].join("\n\n");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const goals = table(["Goal", "Result (latest run)"], [
    [`guard p99 ≤ ${GOAL_RATIO} × floor p99, alone`, `${met(ratios.aloneGuardVsFloorP99 <= GOAL_RATIO)}: ${ratio(ratios.aloneGuardVsFloorP99)} (${ms(m.alone.guard.p99Ms)} vs ${ms(m.alone.floor.p99Ms)})`],
    [`guard p99 ≤ ${GOAL_RATIO} × floor p99, ingest running`, `${met(ratios.loadedGuardVsFloorP99 <= GOAL_RATIO)}: ${ratio(ratios.loadedGuardVsFloorP99)} (${ms(m.loaded.guard.p99Ms)} vs ${ms(m.loaded.floor.p99Ms)})`],
    [`aim: guard p99 < ${AIM_P99_MS} ms alone (${p.callers} callers)`, `${met(m.alone.guard.p99Ms < AIM_P99_MS)}: ${ms(m.alone.guard.p99Ms)}`],
    ["the detectors' share (in-process p99 / guard p99 alone)", `${((m.detectors.p99Ms / m.alone.guard.p99Ms) * 100).toFixed(2)} %`],
  ]);
  const rows = historyRows(recorded, history, (r) => [ms(r.measurements.alone.guard.p99Ms), ms(r.measurements.alone.floor.p99Ms), ratio(r.ratios.aloneGuardVsFloorP99), ms(r.measurements.loaded.guard.p99Ms), ms(r.measurements.loaded.floor.p99Ms), ratio(r.ratios.loadedGuardVsFloorP99)]);
  const historyTable = table(["Run", "What it measured", "guard p99 alone", "floor p99 alone", "ratio", "guard p99 loaded", "floor p99 loaded", "ratio"], rows, ["left", "left", "right", "right", "right", "right", "right", "right"]);
  return { guard: run, "guard:goals": goals, "guard:history": historyTable };
}
