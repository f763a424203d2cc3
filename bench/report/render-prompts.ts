/** docs/benchmarks.md's prompt fetch sections from bench/prompts/results.json and its history. */
import type { LatencyStats, PromptsResults } from "../lib/results";
import { historyRows, int, ms, type Recorded, ratio, runLine, table } from "./markdown";

const GOAL_RATIO = 1.5;
const GOAL_P99_MS = 10;

export function renderPrompts(recorded: Recorded<PromptsResults>, history: Recorded<PromptsResults>[]): Record<string, string> {
  const { parameters: p, measurements: m, ratios } = recorded.results;
  const row = (phase: string, path: string, s: LatencyStats, floor: LatencyStats) =>
    [phase, path, int(s.requests), ms(s.p50Ms), ms(s.p99Ms), ms(s.maxMs), ratio(s.p99Ms / floor.p99Ms), int(s.errors)];
  const paths = (phase: string, x: PromptsResults["measurements"]["loaded"]) => [
    row(phase, "prompt fetch, cached", x.cached, x.floor), row(phase, "prompt fetch, uncached (Postgres every call)", x.uncached, x.floor), row(phase, "floor: `GET /api/public/projects`", x.floor, x.floor),
  ];
  const results = table(["Load", "Path", "requests", "p50", "p99", "max", "p99 / floor p99", "errors"],
    [...paths("ingest running", m.loaded), ...paths("idle", m.idle)], ["left", "left", "right", "right", "right", "right", "right", "right"]);
  const run = [
    runLine(recorded),
    `${p.fetchers} concurrent fetchers, each cycling through the three paths, for ${p.seconds} s after a ${p.warmupSeconds} s warm-up, while ${p.ingestClients} clients ` +
      `send the ingest benchmark's batches of ${p.batch} spans as fast as the server takes them; then the same fetchers for ${p.idleSeconds} s with no ingest (measured first). ` +
      `The prompt is a ${int(p.templateBytes)}-byte chat prompt with a ${p.canaryPercent} % canary on \`production\`, fetched with ${int(p.stickyKeys)} sticky keys.`,
    results,
    `Ingest during the loaded run: **${int(m.ingest.spansPerSec)} spans/s**, request p50 ${ms(m.ingest.p50Ms)}, p99 ${ms(m.ingest.p99Ms)}, ${int(m.ingest.errors)} errors (${int(m.ingest.storedSpans)} spans stored in all).`,
  ].join("\n\n");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const goals = table(["Goal (under ingest load)", "Result (latest run)"], [
    [`cached fetch p99 ≤ ${GOAL_RATIO} × floor p99`, `${met(ratios.cachedVsFloorP99 <= GOAL_RATIO)}: ${ratio(ratios.cachedVsFloorP99)} (${ms(m.loaded.cached.p99Ms)} vs ${ms(m.loaded.floor.p99Ms)})`],
    [`cached fetch p99 < ${GOAL_P99_MS} ms`, `${met(m.loaded.cached.p99Ms < GOAL_P99_MS)}: ${ms(m.loaded.cached.p99Ms)}`],
    ["what the cache buys (uncached p99 / cached p99)", ratio(ratios.uncachedVsCachedP99)],
  ]);
  const rows = historyRows(recorded, history, (r) => [ms(r.measurements.loaded.cached.p99Ms), ms(r.measurements.loaded.uncached.p99Ms), ms(r.measurements.loaded.floor.p99Ms), ratio(r.ratios.cachedVsFloorP99), int(r.measurements.ingest.spansPerSec)]);
  const historyTable = table(["Run", "What it measured", "cached p99", "uncached p99", "floor p99", "cached / floor", "ingest spans/s"], rows, ["left", "left", "right", "right", "right", "right", "right"]);
  return { prompts: run, "prompts:goals": goals, "prompts:history": historyTable };
}
