/** docs/benchmarks.md's drift sections from bench/drift/results.json and its history. */
import type { DriftResults } from "../lib/results";
import { historyRows, int, ms, msNumber, range, type Recorded, runLine, seconds, table } from "./markdown";

const DEFAULT_PER_SIDE = 1000;
const p = (x: number) => (x < 0.01 ? String(x) : x.toFixed(2));

export function renderDrift(recorded: Recorded<DriftResults>, history: Recorded<DriftResults>[]): Record<string, string> {
  const latest = recorded.results;
  const { parameters: params, measurements: m } = latest;
  const t = params.thresholds;
  const floors = !t
    ? ` This run did not record the product's floor, so the table cannot say whether a report would flag the case: a small p alone does not.`
    : t.minEffect !== undefined
      ? ` A window is flagged when its Holm-adjusted p < ${t.alpha} and its noise-corrected, scale-free effect √(distance² − noise²) / spread exceeds ${t.minEffect} (the "floor" column is that bound in distance units, √(noise² + (${t.minEffect} · spread)²)); "flagged" is that rule applied to the pair as one window.`
      : ` A window is flagged when its Holm-adjusted p < ${t.alpha} and its distance exceeds the floor √(noise² + ${t.minDistance}²); "flagged" is that rule applied to the pair as one window.`;
  const score = table(["Case", "subsample per side", "permutations", "median", "max", "distance", "p", "floor", "flagged"],
    m.score.map((s) => [s.case, int(s.maxPerSide), int(s.permutations), ms(s.medianMs), ms(s.maxMs), s.distance.toFixed(4), p(s.pValue),
      s.floor === undefined ? "not recorded" : s.floor.toFixed(4), s.flagged === undefined ? "not recorded" : s.flagged ? "yes" : "no"]),
    ["left", "right", "right", "right", "right", "right", "right", "right", "right"]);
  const w = m.worker;
  const atDefault = m.score.filter((s) => s.maxPerSide === DEFAULT_PER_SIDE).map((s) => s.medianMs);
  const goal = atDefault.length
    ? `Goal (score + p in < 1 s at the default ${int(DEFAULT_PER_SIDE)} per side): ${Math.max(...atDefault) < 1000 ? "met" : "**not met**"}, median ${range(atDefault, msNumber, " ms")}.`
    : `Goal (score + p in < 1 s at the default ${int(DEFAULT_PER_SIDE)} per side): not measured in this run.`;
  const run = [
    runLine(recorded),
    `${int(params.vectorsPerSide)} reference × ${int(params.vectorsPerSide)} current vectors of dimension ${params.dim}.${floors}`,
    score,
    goal,
    `Deep check and map, same vectors: RBF-MMD ${ms(m.deepCheck.mmdMedianMs)}; classifier two-sample test ${ms(m.deepCheck.classifierMedianMs)}; PCA map + k-means clusters ${ms(m.deepCheck.mapMedianMs)} (medians).`,
    `Offline embedder alone: ${int(m.embedder.textsPerSecond)} texts/s. Worker path (${int(w.spans)} LLM spans read from Postgres → text → embed → float32 \`bytea\`): ` +
      `${int(w.embedded)} embedded in ${seconds(w.embedSeconds)}, **${int(w.spansPerSecond)} spans/s** (${latest.ratios.workerVsEmbedderAlone.toFixed(2)} of the embedder alone). ` +
      `Full report over ${w.drifted.length} daily windows: ${seconds(w.reportSeconds)}, windows flagged: ${w.drifted.join(" ")} (1 = flagged).`,
  ].join("\n\n");

  const rows = historyRows(recorded, history, (r) => {
    const at1000 = r.measurements.score.filter((s) => s.maxPerSide === DEFAULT_PER_SIDE).map((s) => s.medianMs);
    return [at1000.length ? range(at1000, msNumber, " ms") : "—", int(r.measurements.embedder.textsPerSecond), int(r.measurements.worker.spansPerSecond), seconds(r.measurements.worker.reportSeconds)];
  });
  const historyTable = table(["Run", "What it measured", "score + p, 1,000 per side (median)", "embedder texts/s", "worker spans/s", "full report"],
    rows, ["left", "left", "right", "right", "right", "right"]);
  return { drift: run, "drift:history": historyTable };
}
