/** docs/benchmarks.md's dashboard sections from bench/dashboard/results.json and its history. */
import type { DashboardResults } from "../lib/results";
import { historyRows, int, ms, msNumber, percent, range, type Recorded, runLine, seconds, table } from "./markdown";

export function renderDashboard(recorded: Recorded<DashboardResults>, history: Recorded<DashboardResults>[]): Record<string, string> {
  const latest = recorded.results;
  const { parameters: p, measurements: m } = latest;
  const load = m.load;
  const rollups = load.tiersSec !== undefined ? `rollup tiers ${seconds(load.tiersSec)} (${int(load.tierRows ?? 0)} rows)`
    : `hour rollups ${seconds(load.hoursSec ?? 0)} (${int(load.hourRows ?? 0)} rows)`;
  const loadLine = `Load: binary \`COPY … FREEZE\` ${seconds(load.copySec)}, index rebuild ${seconds(load.indexSec)}, ` +
    `\`metric_minutes\` ${seconds(load.minutesSec)} (${int(load.minuteRows)} rows), ${rollups}; ` +
    `the load session sets ${Object.entries(p.loadSettings).map(([k, v]) => `\`${k} = ${v}\``).join(", ")}.`;
  const main = table(["Query", "spans in range", "ours p50", "ours p95", "SQL alone", "raw p50", "speed-up", "error vs disc", "error vs cont", "sums match"],
    m.scenarios.map((s) => [s.name, int(s.spansInRange), ms(s.ours.p50Ms), ms(s.ours.p95Ms), ms(s.sqlOnly.sqlMs), ms(s.raw.p50Ms),
      latest.ratios.speedup[s.name] === undefined ? "—" : `${int(latest.ratios.speedup[s.name]!)}×`, percent(s.maxErrorVsDisc), percent(s.maxErrorVsCont), s.sumsMatch ? "yes" : "**no**"]),
    ["left", ...Array<"right">(9).fill("right")]);
  const run = [
    runLine(recorded),
    `${int(p.spans)} LLM spans over ${p.days} days; ours ${p.oursWarmups} warm-ups then ${p.oursRuns} timed runs, raw ${p.rawRuns} runs.`,
    loadLine,
    main,
    `The same ${m.minutesOnly.name.replace(/^7 d overview, /, "7-day overview reading ")}: p50 ${ms(m.minutesOnly.p50Ms)} (${m.minutesOnly.runs} runs).`,
  ].join("\n\n");

  const p95 = m.scenarios.map((s) => s.ours.p95Ms);
  const speedups = Object.values(latest.ratios.speedup);
  const errors = m.scenarios.flatMap((s) => [s.maxErrorVsDisc, s.maxErrorVsCont]);
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const goals = table(["Goal", "Result (latest run)"], [
    ["p95 < 150 ms", `${met(Math.max(...p95) < 150)}: ${range(p95, msNumber, " ms")}`],
    ["≥ 50× faster than the raw query", `${met(Math.min(...speedups) >= 50)}: ${range(speedups, int, "×")}`],
    ["percentile error ≤ 2 %", `${met(Math.max(...errors) <= 0.02)}: ≤ ${percent(Math.max(...errors))} against both \`percentile_disc\` and \`percentile_cont\``],
  ]);

  const rows = historyRows(recorded, history, (r) => [
    range(r.measurements.scenarios.map((s) => s.ours.p95Ms), msNumber, " ms"),
    range(Object.values(r.ratios.speedup), int, "×"),
    ms(r.measurements.minutesOnly.p50Ms),
  ]);
  const historyTable = table(["Run", "Version", "p95", "speed-up", "7 d from `metric_minutes` only, p50"], rows, ["left", "left", "right", "right", "right"]);
  return { dashboard: run, "dashboard:goals": goals, "dashboard:history": historyTable };
}
