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
    ...(m.workloads ?? []).map((w) => {
      const best = Math.max(w.vsCopy.otlpProtobuf, w.vsCopy.batchJson, w.vsCopy.otlpJson);
      return [`≥ 0.5 of binary COPY, ${w.workload} traces`, `${met(best >= 0.5)}: ${ratio(w.vsCopy.otlpProtobuf)} (OTLP protobuf), ${ratio(w.vsCopy.batchJson)} (batch JSON), ${ratio(w.vsCopy.otlpJson)} (OTLP/JSON)`];
    }),
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
  return { ingest: run, "ingest:goals": goals, "ingest:history": historyTable, ...renderWorkloads(latest) };
}

const WORKLOAD_NAMES: Record<string, string> = {
  agent: "Agent: 4 spans, messages in the 3 LLM calls, a short question on the root",
  "single-call": "Single call: 1 GenAI span, ~600 characters of messages",
  "messages-everywhere": "Messages in every span: 4 spans",
};

/** Per trace shape: end to end beside COPY of the same rows, and the in-process profile (runs since 2026-12-07). */
function renderWorkloads(latest: IngestResults): Record<string, string> {
  const m = latest.measurements;
  if (!m.workloads || !m.profile) return { "ingest:workloads": "_Not measured in the latest run._", "ingest:profile": "_Not measured in the latest run._" };
  const name = (w: string) => WORKLOAD_NAMES[w] ?? w;
  const workloads = table(["Trace shape", "OTLP protobuf spans/s (vs COPY)", "batch JSON spans/s (vs COPY)", "OTLP/JSON spans/s (vs COPY)", "binary COPY spans/s", "OTLP p99"],
    m.workloads.map((w) => [name(w.workload),
      `${int(w.otlpProtobuf.spansPerSec)} (${ratio(w.vsCopy.otlpProtobuf)})`, `${int(w.batchJson.spansPerSec)} (${ratio(w.vsCopy.batchJson)})`,
      `${int(w.otlpJson.spansPerSec)} (${ratio(w.vsCopy.otlpJson)})`, int(w.binaryCopy.spansPerSec), ms(w.otlpProtobuf.p99Ms)]),
    ["left", "right", "right", "right", "right", "right"]);
  const us = (n: number) => n.toFixed(0);
  const optional = (n: number | undefined) => (n === undefined ? "—" : us(n));
  const profile = table(["Stage (µs per span)", ...m.profile.map((p) => p.workload)], [
    ...(["decode", "validate", "map", "mask", "price", "flag", "serialize", "sql"] as const).map((stage) => [stage, ...m.profile!.map((p) => us(p.profile[stage]))]),
    ["**total**", ...m.profile.map((p) => `**${us(p.profile.total)}**`)],
    ["batch JSON instead: `JSON.parse`", ...m.profile.map((p) => us(p.batchJson.decode))],
    ["batch JSON instead: validate + map (zod)", ...m.profile.map((p) => us(p.batchJson.validateAndMap))],
    ["worker threads would add: `structuredClone` of the prepared rows", ...m.profile.map((p) => optional(p.workerHandOff))],
  ], ["left", ...m.profile.map(() => "right" as const)]);
  const alone = table(["Postgres alone, prepared rows (µs per span)", ...m.profile.map((p) => p.workload)], [
    ["text `COPY` of the prepared rows into `spans`", ...m.profile.map((p) => us(p.postgresAlone.copySpans))],
    ["our statement cut after the span insert (no summaries, no rollups)", ...m.profile.map((p) => us(p.postgresAlone.spansOnly))],
    ["our whole statement (with its parameters' serialization)", ...m.profile.map((p) => us(p.postgresAlone.full))],
    ["the same, summaries into a copy of `traces` without the trigram index on `search_text`", ...m.profile.map((p) => us(p.postgresAlone.fullNoTrigram))],
    ["the same, into a copy without the five secondary btree indexes (explorer sorts, session, user)", ...m.profile.map((p) => optional(p.postgresAlone.fewerTraceIndexes))],
    ["the same, into a copy whose trigram index has a 64 MB GIN pending list (its final cleanup added)", ...m.profile.map((p) => optional(p.postgresAlone.trigramPending64MB))],
    ["staged: COPY text into a temp table, then the same statement from it", ...m.profile.map((p) => us(p.postgresAlone.stagedCopy))],
    ["summaries and rollups as a second statement in the same transaction", ...m.profile.map((p) => optional(p.postgresAlone.twoStatements))],
    ["summaries and rollups deferred: span insert per batch, then folded 1,000 spans at a time", ...m.profile.map((p) => optional(p.postgresAlone.deferredSummaries))],
    ["**limit with Node taken out**: COPY ÷ our whole statement", ...m.profile.map((p) => `**${ratio(p.postgresAlone.copySpans / p.postgresAlone.full)}**`)],
  ], ["left", ...m.profile.map(() => "right" as const)]);
  return { "ingest:workloads": workloads, "ingest:profile": [profile, alone].join("\n\n") };
}
