/** docs/benchmarks.md's explorer sections from bench/explorer/results.json and its history. */
import type { ExplorerResults } from "../lib/results";
import { historyRows, int, ms, msNumber, range, type Recorded, runLine, seconds, table } from "./markdown";

const GOAL_P95_MS = 100;
const SORT_24H = "sort latency, 24 h";

export function renderExplorer(recorded: Recorded<ExplorerResults>, history: Recorded<ExplorerResults>[]): Record<string, string> {
  const latest = recorded.results;
  const { parameters: p, measurements: m } = latest;
  const sizes = m.dataset.sizes ? ` Sizes: ${Object.entries(m.dataset.sizes).map(([k, v]) => `${k} ${v}`).join(", ")}.` : "";
  const main = table(["Query", "rows", "p50", "p95", "max"],
    m.scenarios.map((s) => [s.name, int(s.rows), ms(s.p50Ms), ms(s.p95Ms), ms(s.maxMs)]), ["left", "right", "right", "right", "right"]);
  const baselines = m.scenarios.filter((s) => s.baseline).map((s) =>
    `${s.name}: p50 ${ms(s.p50Ms)} against ${ms(s.baseline!.p50Ms)} to ${s.baseline!.name} (${latest.ratios.vsBaseline[s.name] === undefined ? "ratio not recorded" : `${int(latest.ratios.vsBaseline[s.name]!)}× faster`})`);
  const p95 = m.scenarios.map((s) => s.p95Ms);
  const run = [
    runLine(recorded),
    `Dataset: ${m.dataset.spans === null ? "an unrecorded number of" : int(m.dataset.spans)} spans in ${int(m.dataset.traces)} traces over ${p.days} days` +
      `${m.dataset.feedbackScores == null ? "" : `, ${int(m.dataset.feedbackScores)} thumbs scores`}, loaded in ${seconds(m.load.tracesSec + m.load.spansSec + m.load.indexSec)} ` +
      `(traces ${seconds(m.load.tracesSec)}, spans ${seconds(m.load.spansSec)}, indexes ${seconds(m.load.indexSec)}).${sizes} ` +
      `${p.warmups} warm-ups then ${p.runs} timed runs per query; the plans are in the results file.`,
    main,
    ...(baselines.length ? [`Measured side by side in the same run: ${baselines.join("; ")}.`] : []),
    `**Against the goal** (p95 < ${GOAL_P95_MS} ms for the first page with and without a filter and a search term, and for a 50-span trace detail): ` +
      `${Math.max(...p95) < GOAL_P95_MS ? "met" : "**not met**"}, p95 ${range(p95, msNumber, " ms")}.`,
  ].join("\n\n");

  const rows = historyRows(recorded, history, (r) => {
    const sort = r.measurements.scenarios.find((s) => s.name === SORT_24H);
    return [r.measurements.dataset.spans === null ? "—" : int(r.measurements.dataset.spans), range(r.measurements.scenarios.map((s) => s.p95Ms), msNumber, " ms"), sort ? `${ms(sort.p50Ms)} / ${ms(sort.p95Ms)}` : "—"];
  });
  const historyTable = table(["Run", "What it measured", "spans", "p95, all queries", `${SORT_24H}: p50 / p95`], rows, ["left", "left", "right", "right", "right"]);
  return { explorer: run, "explorer:history": historyTable };
}
