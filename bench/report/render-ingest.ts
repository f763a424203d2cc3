/** docs/benchmarks.md's ingest sections from bench/ingest/results.json and its history. */
import type { IngestResults } from "../lib/results";
import { historyRows, int, ms, ratio, type Recorded, runLine, table } from "./markdown";

export function renderIngest(recorded: Recorded<IngestResults>, history: Recorded<IngestResults>[]): Record<string, string> {
  const latest = recorded.results;
  const p = latest.parameters;
  const m = latest.measurements;
  const headline = table(["Path", "spans/s", "vs binary COPY", "request p50", "request p99"], [
    ["OTLP/HTTP protobuf", int(m.otlpProtobuf.spansPerSec), ratio(latest.ratios.otlpProtobufVsCopy), ms(m.otlpProtobuf.p50Ms), ms(m.otlpProtobuf.p99Ms)],
    ["Batch JSON API", int(m.batchJson.spansPerSec), ratio(latest.ratios.batchJsonVsCopy), ms(m.batchJson.p50Ms), ms(m.batchJson.p99Ms)],
    ["Binary `COPY` of the same span rows into `spans`", int(m.binaryCopy.spansPerSec), "1", "—", "—"],
    [`OTLP protobuf at half the max rate (open loop, ${p.halfLoadSeconds} s)`, int(m.halfLoad.targetSpansPerSec), "—", ms(m.halfLoad.p50Ms), ms(m.halfLoad.p99Ms)],
  ], ["left", "right", "right", "right", "right"]);
  const errors = m.otlpProtobuf.errors + m.batchJson.errors + m.halfLoad.errors;
  const run = [
    runLine(recorded),
    `${int(p.spansPerVariant)} spans per variant, batches of ${p.batch} spans per request, ${p.concurrency} concurrent clients, ` +
      `after a ${int(p.warmupSpans)}-span warm-up; ${errors === 0 ? "no request failed" : `**${errors} requests failed**`}.`,
    headline,
    `Freshness (2xx → the trace is returned by \`GET /api/public/traces/:id\`): p50 ${ms(m.freshnessMs.p50)}, max ${ms(m.freshnessMs.max)} over ${p.freshnessTries} tries.`,
  ].join("\n\n");

  const best = Math.max(m.otlpProtobuf.spansPerSec, m.batchJson.spansPerSec);
  const bestRatio = Math.max(latest.ratios.otlpProtobufVsCopy, latest.ratios.batchJsonVsCopy);
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
  const goals = table(["Goal", "Result (latest run)"], [
    ["≥ 10,000 spans/s", `${met(best >= 10_000)}: OTLP protobuf ${k(m.otlpProtobuf.spansPerSec)}, batch JSON ${k(m.batchJson.spansPerSec)}`],
    ["≥ 0.5 of binary COPY", `${met(bestRatio >= 0.5)}: ${ratio(latest.ratios.otlpProtobufVsCopy)} (OTLP), ${ratio(latest.ratios.batchJsonVsCopy)} (JSON)`],
    ["p99 < 100 ms at half load", `${met(m.halfLoad.p99Ms < 100)}: ${ms(m.halfLoad.p99Ms)}`],
    ["freshness < 1 s", `${met(m.freshnessMs.max < 1000)}: p50 ${ms(m.freshnessMs.p50)}, max ${ms(m.freshnessMs.max)}`],
  ]);

  const rows = historyRows(recorded, history, (r) => {
    const h = r.measurements;
    return [int(r.parameters.spansPerVariant), int(h.otlpProtobuf.spansPerSec), int(h.batchJson.spansPerSec), int(h.binaryCopy.spansPerSec),
      `${ratio(r.ratios.otlpProtobufVsCopy)} / ${ratio(r.ratios.batchJsonVsCopy)}`, ms(h.halfLoad.p99Ms), ms(h.freshnessMs.p50)];
  });
  const historyTable = table(["Run", "What it measured", "spans per variant", "OTLP spans/s", "JSON spans/s", "COPY spans/s", "vs COPY (OTLP / JSON)", "half-load p99", "freshness p50"],
    rows, ["left", "left", "right", "right", "right", "right", "right", "right", "right"]);
  return { ingest: run, "ingest:goals": goals, "ingest:history": historyTable };
}
