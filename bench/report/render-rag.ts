/** docs/benchmarks.md's online RAG evaluation sections from bench/rag/results.json and its history. */
import type { RagBenchResults } from "../lib/results";
import { historyRows, int, ms, type Recorded, ratio, runLine, seconds, table } from "./markdown";

const GOAL_RATIO = 0.95;

export function renderRag(recorded: Recorded<RagBenchResults>, history: Recorded<RagBenchResults>[]): Record<string, string> {
  const { parameters: p, measurements: m, ratios } = recorded.results;
  const rows = m.phases.map((ph, i) => [
    String(i + 1), ph.mode, seconds(ph.seconds), int(ph.traces), int(ph.tracesPerSec), ms(ph.p50Ms), ms(ph.p95Ms), int(ph.errors),
    int(ph.judgeCalls), int(ph.evaluated),
  ]);
  const run = [
    runLine(recorded),
    `RAG traces (a retriever returning ${p.documentsPerTrace} ~250-character documents in English and Korean, then the answering generation), ${p.tracesPerRequest} per request, ` +
      `${p.clients} closed-loop clients on \`POST /api/public/ingest\`, in ${p.phaseSeconds}-second phases ${p.order.join(", ")}. "On": the project's online \`${p.evaluator}\` rule enabled at ${p.sampleRate} % ` +
      `and the online evaluation worker's pass running back to back in its own process (cutoff "now" instead of the worker's quiet minute), calling the fake OpenAI-compatible provider, which answers every call after ${p.latencyMs} ms. ` +
      `Throughput is acknowledged traces (every event 201) per second of the phase. Judge calls are counted by the provider as they happen; ` +
      `evaluations count when their page of traces commits, which can fall in the next phase.`,
    table(["Phase", "evaluation", "time", "traces", "traces/s", "ingest p50", "ingest p95", "errors", "judge calls", "evaluations committed"], rows,
      ["right", "left", "right", "right", "right", "right", "right", "right", "right", "right"]),
    `On: ${int(ratios.onTracesPerSec)} traces/s; off: ${int(ratios.offTracesPerSec)} traces/s; ratio ${ratio(ratios.onVsOffThroughput)}. Eval scores written over the run: ${int(m.evalScores)} (of ${int(m.traces)} traces).`,
  ].join("\n\n");
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const goals = table(["Goal", "Result (latest run)"], [
    [`ingest throughput with online faithfulness on ÷ off ≥ ${GOAL_RATIO}`, `${met(ratios.onVsOffThroughput >= GOAL_RATIO)}: ${ratio(ratios.onVsOffThroughput)} (${int(ratios.onTracesPerSec)} vs ${int(ratios.offTracesPerSec)} traces/s)`],
    ["evaluation actually ran during every \"on\" phase", `${met(m.phases.filter((ph) => ph.mode === "on").every((ph) => ph.judgeCalls > 0))}: ${m.phases.filter((ph) => ph.mode === "on").map((ph) => int(ph.judgeCalls)).join(" + ")} judge calls`],
  ]);
  const historyTable = table(["Run", "What it measured", "off traces/s", "on traces/s", "on ÷ off"],
    historyRows(recorded, history, (r) => [int(r.ratios.offTracesPerSec), int(r.ratios.onTracesPerSec), ratio(r.ratios.onVsOffThroughput)]), ["left", "left", "right", "right", "right"]);
  return { rag: run, "rag:goals": goals, "rag:history": historyTable };
}
