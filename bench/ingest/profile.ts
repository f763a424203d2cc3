/**
 * Where a span's time goes on the ingest path, stage by stage, in-process (no HTTP): decode,
 * validate, map, mask, price, flag, serialize (statement parameters to the text the driver
 * sends), SQL (the write statement on its own, its parameters already serialized). Each stage
 * runs over the same batches of 100 spans, one workload at a time; the figures are µs per span.
 *
 * Beside it, what Postgres alone does with the same prepared rows (Node taken out):
 * - `copySpans`: text COPY of the prepared span rows into `spans`, nothing else;
 * - `spansOnly`: the write statement cut after its span insert (no trace summaries, no rollups);
 * - `full`: the whole write statement, with its parameters' serialization;
 * - `stagedCopy`: the same rows as COPY text into a temporary staging table, then the same statement
 *   reading from it (the COPY text encoded in Node inside the measured time, like `full`'s parameters);
 * - `fullNoTrigram`, `fewerTraceIndexes`, `trigramPending64MB`: the whole statement, its trace
 *   summaries going to a copy of `traces` that differs in one index decision (TRACE_COPIES);
 * - `twoStatements`: the span insert, then the summaries and rollups as a second statement over the
 *   same parameters, in one transaction;
 * - `deferredSummaries`: the span insert per batch, and the summaries and rollups of ten batches
 *   (1,000 spans) at once, as a background pass would fold them; its time is spread over the ten.
 * All alternate batch by batch, so the machine's load falls on each alike.
 *
 * `workerHandOff` (not a stage, not in the total): structuredClone of a batch's prepared rows, the
 * copy a worker thread would hand the main thread for every batch it decoded, validated and masked.
 */
import { createRequire } from "node:module";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { decodeOtlpProtobuf } from "../../lib/ingest/otlp/decode-request";
import { mapOtlpSpan } from "../../lib/ingest/otlp/map-span";
import { parseBatch } from "../../lib/ingest/parse-batch";
import { prepareSpans } from "../../lib/ingest/prepare-spans";
import { detectFlags } from "../../lib/ingest/flags";
import { INSERT_SPANS_SQL, insertSpansParams } from "../../lib/ingest/sql/insert-spans";
import type { SpanRow } from "../../lib/ingest/rows";
import type { NormalizedSpan } from "../../lib/ingest/types";
import { maskPii } from "../../lib/pii/mask-pii";
import { DEFAULT_PII_SETTINGS } from "../../lib/pii/settings";
import { priceSpan } from "../../lib/pricing/price-span";
import { toWellFormedDeep } from "../../lib/text/well-formed";
import { percentile } from "./load";
import { batchJsonBodies, makeSpans, otlpProtobufBodies, type Workload } from "./workload";

// pg's own parameter serializer, the one client.query applies to each value.
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils") as { prepareValue: (v: unknown) => unknown };

const SETTINGS = { pii: DEFAULT_PII_SETTINGS, priceOverrides: [], feedbackOrigins: [] };
export const STAGES = ["decode", "validate", "map", "mask", "price", "flag", "serialize", "sql"] as const;
export type Stage = (typeof STAGES)[number];
export type StageProfile = Record<Stage, number> & { total: number };
export type PostgresAlone = {
  copySpans: number; spansOnly: number; full: number; fullNoTrigram: number; fewerTraceIndexes: number; trigramPending64MB: number; stagedCopy: number;
  twoStatements: number; deferredSummaries: number;
};

const timeIt = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
};

/** The span insert alone: the statement's first two CTEs, then a count. */
const SPANS_ONLY_SQL = (() => {
  const cut = INSERT_SPANS_SQL.indexOf("trace_tags as (");
  if (cut < 0) throw new Error("the write statement no longer has a trace_tags CTE to cut at");
  return `${INSERT_SPANS_SQL.slice(0, cut).replace(/,\s*$/, "")}\nselect count(*)::int as inserted from inserted`;
})();

/**
 * The summaries and rollups without the span insert: `inserted` selects the input rows with the
 * types the insert's RETURNING gives them, and the rest of the statement is unchanged.
 */
const SUMMARIES_ONLY_SQL = (() => {
  const match = /inserted as \(\s*insert into spans[\s\S]*?returning ([^)]*?)\n\),/.exec(INSERT_SPANS_SQL);
  if (!match) throw new Error("the write statement no longer has an `inserted` CTE with a RETURNING list");
  const cast: Record<string, string> = {
    input: "input::jsonb as input", output: "output::jsonb as output",
    tags: "array(select jsonb_array_elements_text(tags::jsonb)) as tags", flags: "array(select jsonb_array_elements_text(flags::jsonb)) as flags",
  };
  const columns = match[1]!.split(",").map((c) => c.trim()).map((c) => cast[c] ?? c);
  return INSERT_SPANS_SQL.replace(match[0], `inserted as (\n  select ${columns.join(", ")} from input\n),`);
})();
const DEFERRED_BATCHES = 10;

/**
 * The step docs/benchmarks.md proposed: the statement's parameters as COPY text into a temporary
 * staging table, then the same statement reading its `input` from there instead of from UNNEST of
 * array parameters (so the driver serializes no arrays and the server parses no array literals).
 */
const STAGE = (() => {
  const match = /with input as \(\s*select \* from unnest\(([^)]*)\) as t\(([^)]*)\)\s*\)/.exec(INSERT_SPANS_SQL);
  if (!match) throw new Error("the write statement no longer reads its input from one UNNEST");
  const types = [...match[1]!.matchAll(/::(\w+)\[\]/g)].map((m) => m[1]!);
  const names = match[2]!.split(",").map((n) => n.trim());
  if (types.length !== names.length) throw new Error("UNNEST arguments and column names differ in number");
  return {
    create: `create temp table if not exists ingest_stage (${names.map((n, i) => `${n} ${types[i]}`).join(", ")}) on commit delete rows`,
    copy: `copy ingest_stage (${names.join(", ")}) from stdin`,
    sql: INSERT_SPANS_SQL.replace(match[0], "with input as (select * from ingest_stage)"),
  };
})();
const stageField = (v: unknown) => copyField(typeof v === "boolean" ? (v ? "t" : "f") : v);
function stageText(columns: unknown[][]): string {
  const rows = columns[0]!.length;
  let out = "";
  for (let i = 0; i < rows; i++) out += columns.map((c) => stageField(c[i])).join("\t") + "\n";
  return out;
}

/**
 * Copies of `traces` that differ from it in one index decision; the whole statement writes its trace
 * summaries to one of them instead of `traces`.
 * - `no_trigram`: every index but the trigram one on search_text;
 * - `fewer_indexes`: without the five secondary btree indexes (the explorer's cost/latency/token sorts, session, user);
 * - `pending_64mb`: the trigram index with a 64 MB GIN pending list, cleaned at the end (its time added to the variant's).
 */
const TRACE_COPIES = {
  no_trigram: (def: string) => (def.includes("gin_trgm_ops") ? null : def),
  fewer_indexes: (def: string) => (/_(cost|latency|tokens)_sort |session_id|user_id/.test(def) ? null : def),
  pending_64mb: (def: string) => (def.includes("gin_trgm_ops") ? `${def} WITH (gin_pending_list_limit = 65536)` : def),
} as const;
type TraceCopy = keyof typeof TRACE_COPIES;

const sqlInto = (copy: TraceCopy) => {
  const sql = INSERT_SPANS_SQL.replace("insert into traces as t", `insert into traces_${copy} as t`);
  if (sql === INSERT_SPANS_SQL) throw new Error("the write statement no longer upserts into `traces` as expected");
  return sql;
};

async function createTraceCopies(client: pg.Client) {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename = 'traces' and indexname <> 'traces_pkey'`);
  for (const [copy, keep] of Object.entries(TRACE_COPIES)) {
    const table = `traces_${copy}`;
    await client.query(`create table if not exists ${table} (like traces including defaults including constraints)`);
    await client.query(`alter table ${table} drop constraint if exists ${table}_pkey`);
    await client.query(`alter table ${table} add constraint ${table}_pkey primary key (project_id, id)`);
    for (const { name, def } of rows) {
      const kept = keep(def);
      if (kept) await client.query(kept.replace(`INDEX ${name} ON public.traces `, `INDEX IF NOT EXISTS ${name.slice(0, 40)}_${copy} ON public.${table} `));
    }
  }
}

/** The prepared rows in COPY text format, columns as the write statement's `input` CTE names them. */
const COPY_COLUMNS = ["project_id", "trace_id", "id", "parent_id", "kind", "name", "start_time", "end_time", "latency_ms", "model", "provider",
  "input", "output", "input_tokens", "output_tokens", "total_tokens", "input_cost", "output_cost", "total_cost", "level", "environment", "tags", "flags", "pii_masks"] as const;
const copyField = (v: unknown): string => {
  if (v === null || v === undefined) return "\\N";
  const s = v instanceof Date ? v.toISOString() : typeof v === "string" ? v : String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
};
const pgArray = (a: string[]) => `{${a.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
function copyLine(r: SpanRow): string {
  return [r.projectId, r.traceId, r.id, r.parentId, r.kind, r.name, r.startTime, r.endTime, r.latencyMs, r.model, r.provider,
    r.input === null || r.input === undefined ? null : JSON.stringify(r.input), r.output === null || r.output === undefined ? null : JSON.stringify(r.output),
    r.usage.inputTokens, r.usage.outputTokens, r.usage.totalTokens, r.inputCost, r.outputCost, r.totalCost, r.level, r.environment,
    pgArray(r.tags), pgArray(r.flags), r.piiMasks].map(copyField).join("\t") + "\n";
}

async function copyRows(client: pg.Client, rows: SpanRow[]) {
  const stream = client.query(copyFrom(`copy spans (${COPY_COLUMNS.join(", ")}) from stdin`) as never) as unknown as NodeJS.WritableStream;
  await pipeline(Readable.from([rows.map(copyLine).join("")]), stream);
}

/** One workload's per-stage µs per span for OTLP protobuf bodies, and the Postgres-alone variants. */
export async function profileWorkload(url: string, workload: Workload, options: { batches: number; batch: number; tag: string }) {
  const stageMs: Record<Stage, number[]> = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const bodies = otlpProtobufBodies(makeSpans(options.batches * options.batch, Date.now() - 3_600_000, workload), options.batch);
  const prepared: { rows: SpanRow[]; params: unknown[] }[] = [];
  const handOffMs: number[] = [];
  for (const body of bodies) {
    const [decoded, decodeMs] = timeIt(() => decodeOtlpProtobuf(body));
    const [request, validateMs] = timeIt(() => toWellFormedDeep(decoded));
    const [spans, mapMs] = timeIt(() => {
      const out: NormalizedSpan[] = [];
      for (const rs of request.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) {
        const m = mapOtlpSpan(s, rs.resourceAttributes, ss.scope);
        if (!m.ok) throw new Error(m.error);
        out.push(m.span);
      }
      return out;
    });
    // The three steps of prepareSpans, timed apart (it runs them per span in this order).
    const [masked, maskMs] = timeIt(() => spans.map((s) => {
      const input = maskPii(s.input, SETTINGS.pii);
      const output = maskPii(s.output, SETTINGS.pii);
      const metadata = maskPii(s.metadata, SETTINGS.pii);
      return { s, input, output, metadata, masks: input.masks + output.masks + metadata.masks };
    }));
    const [, priceMs] = timeIt(() => masked.map(({ s, input, output }) => (s.kind === "llm" ? priceSpan({ model: s.model, provider: s.provider, usage: s.usage, startTime: s.startTime, input: input.value, output: output.value, overrides: [] }) : null)));
    const [, flagMs] = timeIt(() => masked.map(({ s, input, output, metadata, masks }) => detectFlags({ level: s.level, input: input.value, output: output.value, kind: s.kind, metadata: metadata.value as Record<string, unknown> }, masks)));
    const rows = prepareSpans(`profile-${options.tag}-${workload}`, spans, SETTINGS);
    const [params, serializeMs] = timeIt(() => insertSpansParams(rows).map((column) => prepareValue(column)));
    prepared.push({ rows, params });
    handOffMs.push(timeIt(() => structuredClone(rows))[1]);
    stageMs.decode.push(decodeMs); stageMs.validate.push(validateMs); stageMs.map.push(mapMs);
    stageMs.mask.push(maskMs); stageMs.price.push(priceMs); stageMs.flag.push(flagMs); stageMs.serialize.push(serializeMs);
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const alone: Record<keyof PostgresAlone, number[]> = {
    copySpans: [], spansOnly: [], full: [], fullNoTrigram: [], fewerTraceIndexes: [], trigramPending64MB: [], stagedCopy: [], twoStatements: [], deferredSummaries: [],
  };
  let pendingCleanupMs = 0;
  let deferredMs = 0;
  let deferredRows: SpanRow[] = [];
  try {
    await client.query(STAGE.create);
    await createTraceCopies(client);
    // Each variant writes its own project's copy of the rows, so none conflicts with another's.
    const variant = (name: string, rows: SpanRow[]) => rows.map((r) => ({ ...r, projectId: `${r.projectId}-${name}` }));
    const tx = async (f: () => Promise<unknown>) => {
      const t0 = performance.now();
      await client.query("begin");
      await f();
      await client.query("commit");
      return performance.now() - t0;
    };
    for (let i = 0; i < prepared.length; i++) {
      const { rows, params } = prepared[i]!;
      // `full` and `stagedCopy` include their Node side (serializing the parameters, or encoding the COPY text), to compare like with like.
      const runs: [keyof PostgresAlone | "sql", () => Promise<unknown>][] = [
        ["sql", () => client.query(INSERT_SPANS_SQL, params)],
        ["full", () => client.query(INSERT_SPANS_SQL, insertSpansParams(variant("full", rows)).map((c) => prepareValue(c)))],
        ["stagedCopy", async () => {
          const stream = client.query(copyFrom(STAGE.copy) as never) as unknown as NodeJS.WritableStream;
          await pipeline(Readable.from([stageText(insertSpansParams(variant("staged", rows)))]), stream);
          await client.query(STAGE.sql);
        }],
        ["copySpans", () => copyRows(client, variant("copy", rows))],
        ["spansOnly", () => client.query(SPANS_ONLY_SQL, insertSpansParams(variant("spans", rows)).map((c) => prepareValue(c)))],
        ["fullNoTrigram", () => client.query(sqlInto("no_trigram"), insertSpansParams(variant("notrgm", rows)).map((c) => prepareValue(c)))],
        ["fewerTraceIndexes", () => client.query(sqlInto("fewer_indexes"), insertSpansParams(variant("fewer", rows)).map((c) => prepareValue(c)))],
        ["trigramPending64MB", () => client.query(sqlInto("pending_64mb"), insertSpansParams(variant("pending", rows)).map((c) => prepareValue(c)))],
        ["twoStatements", async () => {
          const twoParams = insertSpansParams(variant("two", rows)).map((c) => prepareValue(c));
          await client.query(SPANS_ONLY_SQL, twoParams);
          await client.query(SUMMARIES_ONLY_SQL, twoParams);
        }],
        ["deferredSummaries", async () => {
          const own = variant("deferred", rows);
          deferredRows.push(...own);
          await client.query(SPANS_ONLY_SQL, insertSpansParams(own).map((c) => prepareValue(c)));
        }],
      ];
      for (const [name, run] of i % 2 ? runs : [...runs].reverse()) {
        const ms = await tx(run);
        if (name === "sql") stageMs.sql.push(ms);
        else alone[name].push(ms);
      }
      if (deferredRows.length >= DEFERRED_BATCHES * options.batch || i === prepared.length - 1) {
        const batchRows = deferredRows;
        deferredRows = [];
        deferredMs += await tx(() => client.query(SUMMARIES_ONLY_SQL, insertSpansParams(batchRows).map((c) => prepareValue(c))));
      }
    }
    // The deferred GIN work, spread over the variant's batches: what a background cleaner would pay.
    const t0 = performance.now();
    await client.query(`select gin_clean_pending_list(indexrelid::regclass) from pg_index where indrelid = 'traces_pending_64mb'::regclass and indexrelid::regclass::text like '%trgm%'`);
    pendingCleanupMs = performance.now() - t0;
  } finally {
    await client.end();
  }
  alone.trigramPending64MB = alone.trigramPending64MB.map((ms) => ms + pendingCleanupMs / prepared.length);
  alone.deferredSummaries = alone.deferredSummaries.map((ms) => ms + deferredMs / prepared.length);
  const perSpan = (values: number[]) => +((percentile(values, 50) * 1000) / options.batch).toFixed(1);
  const stages = Object.fromEntries(STAGES.map((s) => [s, perSpan(stageMs[s])])) as Record<Stage, number>;
  const profile: StageProfile = { ...stages, total: +STAGES.reduce((sum, s) => sum + stages[s], 0).toFixed(1) };
  const postgresAlone = Object.fromEntries(Object.entries(alone).map(([k, v]) => [k, perSpan(v)])) as PostgresAlone;
  return { workload, profile, postgresAlone, workerHandOff: perSpan(handOffMs) };
}

/** The batch JSON API's first stages for the same workload (JSON.parse, then validation and mapping in one pass). */
export function profileBatchJson(workload: Workload, options: { batches: number; batch: number }) {
  const bodies = batchJsonBodies(makeSpans(options.batches * options.batch, Date.now() - 3_600_000, workload), options.batch);
  const decode: number[] = [];
  const validateAndMap: number[] = [];
  for (const body of bodies) {
    const [parsed, d] = timeIt(() => JSON.parse(body) as { batch: unknown[] });
    const [, v] = timeIt(() => parseBatch(parsed.batch));
    decode.push(d);
    validateAndMap.push(v);
  }
  const perSpan = (values: number[]) => +((percentile(values, 50) * 1000) / options.batch).toFixed(1);
  return { decode: perSpan(decode), validateAndMap: perSpan(validateAndMap) };
}
