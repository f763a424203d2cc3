/**
 * The ingest write statement (lib/ingest/sql/insert-spans.ts) against today's day-partitioned
 * `spans` and, side by side in the same run, against a plain table shaped as `spans` was before
 * partitioning (primary key (project_id, trace_id, id), the same secondary indexes): batches of
 * 100 prepared span rows, one transaction each as the writer does, alternating between the two
 * tables so the machine's load falls on both alike. What partition routing and the wider key cost.
 */
import pg from "pg";
import { parseBatch } from "../../lib/ingest/parse-batch";
import { prepareSpans } from "../../lib/ingest/prepare-spans";
import { INSERT_SPANS_SQL, insertSpansParams } from "../../lib/ingest/sql/insert-spans";
import { DEFAULT_PII_SETTINGS } from "../../lib/pii/settings";
import { percentile } from "./load";
import { batchJsonBodies, makeSpans } from "./workload";

const PROJECT = "statement-bench";

export async function measureInsertStatement(url: string, options: { batches: number; batch: number }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table spans_unpartitioned_bench (like spans including defaults)`);
    await client.query(`alter table spans_unpartitioned_bench add primary key (project_id, trace_id, id)`);
    await client.query(`create index on spans_unpartitioned_bench (project_id, start_time)`);
    await client.query(`create index on spans_unpartitioned_bench (project_id, ingested_at, trace_id, id) where kind = 'llm'`);
    const flatSql = INSERT_SPANS_SQL.replace("insert into spans (", "insert into spans_unpartitioned_bench (").replace("from spans s where", "from spans_unpartitioned_bench s where");
    if (flatSql === INSERT_SPANS_SQL) throw new Error("the insert statement no longer names `spans` as expected");
    const settings = { pii: DEFAULT_PII_SETTINGS, priceOverrides: [], feedbackOrigins: [] };
    const batches = () => batchJsonBodies(makeSpans(options.batches * options.batch), options.batch)
      .map((body) => insertSpansParams(prepareSpans(PROJECT, parseBatch(JSON.parse(body).batch).spans, settings)));
    const variants = [{ name: "partitioned", sql: INSERT_SPANS_SQL, batches: batches(), ms: [] as number[] }, { name: "unpartitioned", sql: flatSql, batches: batches(), ms: [] as number[] }];
    for (let i = 0; i < options.batches; i++) {
      for (const v of i % 2 ? variants : [...variants].reverse()) {
        const t0 = performance.now();
        await client.query("begin");
        await client.query(v.sql, v.batches[i]);
        await client.query("commit");
        v.ms.push(performance.now() - t0);
      }
    }
    const [part, flat] = variants.map((v) => ({ p50Ms: percentile(v.ms, 50), p90Ms: percentile(v.ms, 90) }));
    return { batches: options.batches, batch: options.batch, partitioned: part!, unpartitioned: flat!, p50Ratio: +(part!.p50Ms / flat!.p50Ms).toFixed(3) };
  } finally {
    await client.query(`drop table if exists spans_unpartitioned_bench`).catch(() => undefined);
    await client.end();
  }
}
