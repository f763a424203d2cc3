/**
 * Bulk-loads the dataset the way a restore would: spans by binary COPY with the indexes
 * dropped and rebuilt after, then metric_minutes from the spans in one set-based statement
 * that computes what the ingest writer accumulates batch by batch, then the hour rollups
 * by the worker's own job.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SKETCH_SQL_INDEX } from "../../lib/metrics/latency-sketch";
import { rollupTiers } from "../../lib/metrics/rollup-tiers";
import { COPY_SQL, type DatasetOptions, spanCopyChunks } from "./dataset";

/** Session settings for the load only; the measured queries run with the server defaults. */
export const LOAD_SETTINGS = { maintenance_work_mem: "1GB", work_mem: "256MB" };

const KEYS = "project_id, minute, model, environment, prompt_name, prompt_version";

/** Per-key rows of LLM spans with the writer's key normalisation and sketch bucket indexes. */
const llmRows = `select project_id, date_trunc('minute', start_time) as minute, coalesce(model, '') as model,
    coalesce(environment, '') as environment, coalesce(prompt_name, '') as prompt_name, coalesce(prompt_version, 0) as prompt_version,
    latency_ms, ttft_ms, level, total_cost, input_tokens, output_tokens, flags,
    ${SKETCH_SQL_INDEX("latency_ms")} as latency_bucket,
    case when ttft_ms is null then null else ${SKETCH_SQL_INDEX("ttft_ms")} end as ttft_bucket
  from spans where kind = 'llm'`;

/** Sparse sketch per key: bucket indexes ascending with their counts, as the writer stores them. */
const sparse = (bucket: string) => `select ${KEYS}, array_agg(b order by b) as buckets, array_agg(c order by b) as counts
  from (select ${KEYS}, ${bucket} as b, count(*)::int as c from (${llmRows}) r where ${bucket} is not null group by ${KEYS}, b) g
  group by ${KEYS}`;

export const BUILD_MINUTES_SQL = `insert into metric_minutes (${KEYS}, count, errors, latency_sum_ms, ttft_count, ttft_sum_ms, cost_sum,
    input_tokens, output_tokens, flagged_pii, flagged_injection, flagged_uncertainty, latency_buckets, latency_counts, ttft_buckets, ttft_counts)
  select s.*, l.buckets, l.counts, coalesce(t.buckets, '{}'), coalesce(t.counts, '{}')
  from (
    select ${KEYS}, count(*)::int, (count(*) filter (where level = 'ERROR'))::int, sum(latency_ms), count(ttft_ms)::int,
      coalesce(sum(ttft_ms), 0), coalesce(sum(total_cost), 0), coalesce(sum(input_tokens), 0)::bigint, coalesce(sum(output_tokens), 0)::bigint,
      (count(*) filter (where 'pii' = any(flags)))::int, (count(*) filter (where 'injection' = any(flags)))::int,
      (count(*) filter (where 'uncertainty' = any(flags)))::int
    from (${llmRows}) r group by ${KEYS}
  ) s
  join (${sparse("latency_bucket")}) l using (${KEYS})
  left join (${sparse("ttft_bucket")}) t using (${KEYS})`;

export type LoadTimings = { copySec: number; indexSec: number; minutesSec: number; tiersSec: number; analyzeSec: number; minuteRows: number; tierRows: number };

const seconds = (t0: number) => +((performance.now() - t0) / 1000).toFixed(1);

export async function loadDataset(url: string, o: DatasetOptions, log: (line: string) => void): Promise<LoadTimings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [name, value] of Object.entries(LOAD_SETTINGS)) await client.query(`set ${name} = '${value}'`);

    // COPY FREEZE needs the table truncated in the same transaction; rows then arrive
    // frozen and all-visible, as a vacuumed production table would be.
    let t0 = performance.now();
    await client.query("begin");
    await client.query("truncate spans");
    await client.query("alter table spans drop constraint spans_pkey");
    await client.query("drop index spans_project_id_start_time_idx");
    const copy = client.query(copyFrom(COPY_SQL));
    await pipeline(Readable.from(spanCopyChunks({ ...o, onProgress: (n) => log(`copied ${n.toLocaleString("en")} spans (${seconds(t0)} s)`) })), copy);
    await client.query("commit");
    const copySec = seconds(t0);
    log(`COPY of ${o.spans.toLocaleString("en")} spans: ${copySec} s`);

    // Same definitions as the migration, built once over the loaded table.
    t0 = performance.now();
    await client.query(`alter table spans add constraint spans_pkey primary key (project_id, trace_id, id)`);
    await client.query(`create index spans_project_id_start_time_idx on spans (project_id, start_time)`);
    const indexSec = seconds(t0);
    log(`primary key + time index: ${indexSec} s`);

    t0 = performance.now();
    const minutes = await client.query(BUILD_MINUTES_SQL);
    const minutesSec = seconds(t0);
    log(`metric_minutes from spans: ${minutes.rowCount} rows, ${minutesSec} s`);
    await client.query("vacuum analyze metric_minutes");

    t0 = performance.now();
    const tiers = await rollupTiers();
    const tiersSec = seconds(t0);
    log(`metric_rollups (15 min + 1 h, 8 grains) by rollupTiers(): ${tiers.rows} rows, ${tiersSec} s`);

    t0 = performance.now();
    await client.query("vacuum analyze spans");
    await client.query("vacuum analyze metric_rollups");
    const analyzeSec = seconds(t0);
    log(`vacuum analyze: ${analyzeSec} s`);
    return { copySec, indexSec, minutesSec, tiersSec, analyzeSec, minuteRows: minutes.rowCount ?? 0, tierRows: tiers.rows };
  } finally {
    await client.end();
  }
}
