/** docs/benchmarks.md's annotation sections from bench/annotate/results.json and its history. */
import type { AnnotateResults, CycleStats } from "../lib/results";
import { historyRows, int, ms, type Recorded, ratio, runLine, table } from "./markdown";

const GOAL_RATIO = 2;
const AIM_P95_MS = 50;

export function renderAnnotate(recorded: Recorded<AnnotateResults>, history: Recorded<AnnotateResults>[]): Record<string, string> {
  const { parameters: p, measurements: m, ratios } = recorded.results;
  const row = (who: string, s: CycleStats) => [who, int(s.cycles), ms(s.p50Ms), ms(s.p95Ms), s.cyclesPerSec.toFixed(1)];
  const run = [
    runLine(recorded),
    `A queue of ${int(p.pairs)} preference pairs (k = ${p.judgmentsPerPair}; Korean and English support questions with two ~400-character answers). ` +
      `One cycle is what the annotator page does after each judgment: submit it, then lease the next pair (two authenticated HTTP requests). ` +
      `First one annotator alone for ${int(p.baselineCycles)} cycles back to back, then ${p.annotators} annotators at once for ${p.seconds} s, against the same server` +
      (p.thinkMs ? `, each pausing ${p.thinkMs[0] / 1000}–${p.thinkMs[1] / 1000} s between judgments (reading two answers; faster than people are).` : ", each in a closed loop with no pause (a saturation test)."),
    table(["Annotators", "cycles", "p50", "p95", "cycles/s"], [row("1 (baseline)", m.single), row(String(p.annotators), m.concurrent)], ["left", "right", "right", "right", "right"]),
    `Afterwards: ${int(m.accepted)} judgments accepted, ${int(m.stored)} stored, ${int(m.errors)} errors; pairs judged more than k times: ${m.overK}; judgments doubled: ${m.doubled}; pair counters off: ${m.miscounted}.`,
  ].join("\n\n");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const goals = table(["Goal", "Result (latest run)"], [
    [`p95 with ${p.annotators} annotators ≤ ${GOAL_RATIO} × single-user p95`, `${met(ratios.p95ConcurrentVsSingle <= GOAL_RATIO)}: ${ratio(ratios.p95ConcurrentVsSingle)} (${ms(m.concurrent.p95Ms)} vs ${ms(m.single.p95Ms)})`],
    ["no lost or doubled judgment", `${met(m.accepted === m.stored && m.overK === 0 && m.doubled === 0 && m.miscounted === 0)}: ${int(m.accepted)} accepted, ${int(m.stored)} stored`],
    [`aim: p95 < ${AIM_P95_MS} ms with ${p.annotators} annotators`, `${met(m.concurrent.p95Ms < AIM_P95_MS)}: ${ms(m.concurrent.p95Ms)}`],
  ]);
  const historyTable = table(["Run", "What it measured", "single p95", `${p.annotators} p95`, "ratio", "cycles/s"],
    historyRows(recorded, history, (r) => [ms(r.measurements.single.p95Ms), ms(r.measurements.concurrent.p95Ms), ratio(r.ratios.p95ConcurrentVsSingle), r.measurements.concurrent.cyclesPerSec.toFixed(1)]),
    ["left", "left", "right", "right", "right", "right"]);
  return { annotate: run, "annotate:goals": goals, "annotate:history": historyTable };
}
