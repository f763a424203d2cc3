import type pg from "pg";
import { addDays, daysAround, partitionName } from "./days";

/**
 * `spans` is partitioned by RANGE (start_time), one partition per UTC day, plus a DEFAULT
 * partition for start times no daily partition covers (migration
 * 20261211100000_spans_partitioned_retention). This file finds the partitions by their bounds and
 * creates the days ahead (and the last few days, for late spans) before spans arrive for them.
 */

type Sql = Pick<pg.PoolClient, "query">;

/** A partition of `spans`: a range [from, to) or the default (from/to null) or bounds this code does not parse. */
export type SpanPartition = { name: string; isDefault: boolean; from: Date | null; to: Date | null };

/** How far back and ahead the worker keeps daily partitions (late spans, clocks ahead, a few missed passes). */
export const PARTITION_DAYS_BACK = 7;
export const PARTITION_DAYS_AHEAD = 7;

/** Waiting for a lock on `spans` blocks the readers and writers queued behind it: give up quickly and retry next pass. */
export const PARTITION_LOCK_TIMEOUT_MS = 2000;

/** Quotes a partition name taken from the catalog as an SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listSpanPartitions(sql: Sql): Promise<SpanPartition[]> {
  const { rows } = await sql.query<{ name: string; is_default: boolean; from: Date | null; to: Date | null }>(
    `select c.relname as name, p.partdefid = c.oid as is_default, b[1]::timestamptz as "from", b[2]::timestamptz as "to"
       from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       join pg_partitioned_table p on p.partrelid = i.inhparent
       left join lateral regexp_match(pg_get_expr(c.relpartbound, c.oid), $$^FOR VALUES FROM \\('([^']+)'\\) TO \\('([^']+)'\\)$$) b on true
      where i.inhparent = 'spans'::regclass
      order by "from" nulls first, c.relname`,
  );
  return rows.map((r) => ({ name: r.name, isDefault: r.is_default, from: r.from, to: r.to }));
}

/**
 * Creates the daily partitions of the days from PARTITION_DAYS_BACK before `now` to
 * PARTITION_DAYS_AHEAD after it that no partition covers yet. Spans of such a day that already
 * went to the default partition move into the new one. Returns the names created.
 */
export async function ensureSpanPartitions(client: pg.ClientBase, options: { now: Date; back?: number; ahead?: number; lockTimeoutMs?: number }): Promise<string[]> {
  const existing = await listSpanPartitions(client);
  const covered = (day: Date) => existing.some((p) => p.from && p.to && p.from < addDays(day, 1) && p.to > day);
  const created: string[] = [];
  for (const day of daysAround(options.now, options.back ?? PARTITION_DAYS_BACK, options.ahead ?? PARTITION_DAYS_AHEAD)) {
    if (covered(day)) continue;
    await createDayPartition(client, day, existing.find((p) => p.isDefault)?.name ?? null, options.lockTimeoutMs ?? PARTITION_LOCK_TIMEOUT_MS);
    created.push(partitionName(day));
  }
  return created;
}

/**
 * One day's partition, made as a plain table and then attached: ATTACH takes only a SHARE UPDATE
 * EXCLUSIVE lock on `spans` (ingest and reads go on), where CREATE TABLE … PARTITION OF would take
 * an ACCESS EXCLUSIVE one. The default partition is locked for the moment it takes to move that
 * day's rows out of it and for the scan ATTACH makes of it (no row of the day may stay there).
 */
async function createDayPartition(client: pg.ClientBase, day: Date, defaultPartition: string | null, lockTimeoutMs: number) {
  const name = ident(partitionName(day));
  const [from, to] = [day.toISOString(), addDays(day, 1).toISOString()];
  await client.query("begin");
  try {
    await client.query(`set local lock_timeout = ${Math.round(lockTimeoutMs)}`);
    if (defaultPartition) await client.query(`lock table ${ident(defaultPartition)} in access exclusive mode`);
    await client.query(`create table ${name} (like spans including defaults)`);
    if (defaultPartition) {
      await client.query(
        `with moved as (delete from ${ident(defaultPartition)} where start_time >= $1 and start_time < $2 returning *) insert into ${name} select * from moved`,
        [from, to],
      );
    }
    await client.query(`alter table spans attach partition ${name} for values from ('${from}') to ('${to}')`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

/**
 * Project ids that have rows in one partition, by walking its primary key (project_id first) one
 * distinct value at a time: a few index probes per project, however many rows each has.
 */
export async function projectsInPartition(sql: Sql, partition: string): Promise<string[]> {
  const table = ident(partition);
  const { rows } = await sql.query<{ project_id: string }>(
    `with recursive p as (
       (select project_id from ${table} order by project_id limit 1)
       union all
       select (select project_id from ${table} where project_id > p.project_id order by project_id limit 1) from p where p.project_id is not null
     )
     select project_id from p where project_id is not null`,
  );
  return rows.map((r) => r.project_id);
}
