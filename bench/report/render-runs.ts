/** docs/benchmarks.md's regression-run sections from bench/runs/results.json and its history. */
import type { RunsBenchResults } from "../lib/results";
import { historyRows, int, ms, type Recorded, ratio, runLine, seconds, table } from "./markdown";

const GOAL_RATIO_AT_32 = 0.8;
/** "The web app's p95 unaffected": within this factor of the idle p95 measured just before. */
const GOAL_WEB_P95_FACTOR = 1.5;

export function renderRuns(recorded: Recorded<RunsBenchResults>, history: Recorded<RunsBenchResults>[]): Record<string, string> {
  const { parameters: p, measurements: m, ratios } = recorded.results;
  const rows = m.runs.map((r) => [
    int(r.concurrency), int(r.itemsPerSec), int(r.idealItemsPerSec), ratio(r.ratioToIdeal), ms(r.overheadMsPerItem), seconds(r.executorSeconds), seconds(r.endToEndSeconds),
    `${int(r.done)} / ${int(r.failed)}`, int(r.traces), int(r.providerCalls), ms(r.web.p95Ms), ratio(r.web.p95Ms / m.idleWeb.p95Ms),
  ]);
  const results = table(
    ["Concurrency", "items/s", "ideal items/s", "ratio to ideal", "overhead / item", "executor time", "start to finish", "done / failed", "traces", "provider calls", "web p95", "web p95 / idle"],
    rows, ["right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  );
  const run = [
    runLine(recorded),
    `${int(p.items)} golden-set items (support questions, half Korean and half English, 250–700 characters) run through a chat prompt against the fake OpenAI-compatible ` +
      `provider answering every call after ${p.latencyMs} ms with a ~600-character answer; scored by ${p.evaluators.map((e) => `\`${e}\``).join(" and ")}. ` +
      `Every item is claimed with its lease, called through the LLM client, stored as a trace through ingest and completed with the run's counters, as the worker does it. ` +
      `Ideal = concurrency ÷ ${p.latencyMs} ms. Overhead per item = executor time × concurrency ÷ items − ${p.latencyMs} ms. ` +
      `Web: ${p.webClients} closed-loop clients on \`GET /api/public/projects\` (key auth + one read) during each run, against the same clients for ${p.idleSeconds} s idle just before (p95 ${ms(m.idleWeb.p95Ms)}).`,
    results,
  ].join("\n\n");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const at32 = m.runs.find((r) => r.concurrency === 32);
  const goals = table(["Goal", "Result (latest run)"], [
    [`≥ ${GOAL_RATIO_AT_32} of ideal at concurrency 32`, `${met(ratios.ratioToIdealAt32 >= GOAL_RATIO_AT_32)}: ${ratio(ratios.ratioToIdealAt32)}${at32 ? ` (${int(at32.itemsPerSec)} of ${int(at32.idealItemsPerSec)} items/s)` : ""}`],
    [`web p95 during the run ≤ ${GOAL_WEB_P95_FACTOR} × idle`, `${met(ratios.webP95DuringRunAt32VsIdle <= GOAL_WEB_P95_FACTOR)}: ${ratio(ratios.webP95DuringRunAt32VsIdle)} at concurrency 32`],
  ]);
  const historyTable = table(["Run", "What it measured", "items/s at 8", "at 32", "at 64", "ratio at 32", "web p95 / idle at 32"],
    historyRows(recorded, history, (r) => {
      const c = (n: number) => r.measurements.runs.find((x) => x.concurrency === n);
      return [int(c(8)?.itemsPerSec ?? 0), int(c(32)?.itemsPerSec ?? 0), int(c(64)?.itemsPerSec ?? 0), ratio(r.ratios.ratioToIdealAt32), ratio(r.ratios.webP95DuringRunAt32VsIdle)];
    }), ["left", "left", "right", "right", "right", "right", "right"]);
  return { runs: run, "runs:goals": goals, "runs:history": historyTable };
}
