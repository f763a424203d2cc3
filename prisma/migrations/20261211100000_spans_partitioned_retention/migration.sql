-- Retention per project and `spans` partitioned by day (#14, "Retention and scale").
--
-- Retention: project_settings.trace_retention_days (null = keep forever, the default). The worker
-- (lib/retention/apply-retention.ts) deletes a project's traces, spans and what hangs off them once
-- they are older than that.
--
-- Partitioning: `spans` becomes a table partitioned by RANGE (start_time), one partition per UTC
-- day named spans_pYYYYMMDD, plus spans_default for a start time no daily partition covers (a
-- clock far off, a backfill older than the partitions), so ingest never fails on a timestamp. The
-- worker keeps daily partitions from 7 days back to 7 days ahead (lib/retention/span-partitions.ts,
-- which finds partitions by their bounds, not by name) and retention drops whole partitions.
--
-- Postgres needs the partition key in every unique index, so the primary key becomes
-- (project_id, trace_id, id, start_time). A retry resends a span with the same start time, so
-- `insert … on conflict do nothing` still stores it once. The one span whose start time the
-- server chose (a batch event with neither startTime nor timestamp) is checked separately by
-- lib/ingest/sql/insert-spans.ts. README "Retention and partitions" has the trade-off.
--
-- Prisma's pg adapter runs a migration by splitting it at every semicolon (executeScript in
-- @prisma/adapter-pg), so this file has none inside comments or strings: the DO block below is an
-- E'' string whose statement ends are written \073 (an octal semicolon). BEGIN/COMMIT make the
-- conversion all or nothing (the adapter sends the statements one by one on one connection).
--
-- The existing rows are copied into the new table (this rewrites `spans`: budget roughly the time
-- and disk of one COPY of the table). Days that have spans get a partition when they are less than
-- three years old and not beyond the 7 days ahead. Older or odder start times go to spans_default.

BEGIN;

-- AlterTable
-- (1..36500 days, checked by lib/schemas/retention.ts: no CHECK constraint here, because Prisma's
-- wasm schema engine crashes introspecting one, which would break `prisma migrate diff`.)
ALTER TABLE "project_settings" ADD COLUMN "trace_retention_days" INTEGER;

-- The unpartitioned table steps aside, with its index names.
ALTER TABLE "spans" RENAME TO "spans_unpartitioned";
ALTER INDEX "spans_pkey" RENAME TO "spans_unpartitioned_pkey";
ALTER INDEX "spans_project_id_start_time_idx" RENAME TO "spans_unpartitioned_project_id_start_time_idx";
ALTER INDEX "spans_llm_arrival" RENAME TO "spans_unpartitioned_llm_arrival";

-- Same columns, defaults and NOT NULLs. Keys and indexes come after the copy (one build per
-- partition is faster than maintaining them row by row).
CREATE TABLE "spans" (LIKE "spans_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("start_time");

DO E'
DECLARE
  today date := (now() AT TIME ZONE ''UTC'')::date\073
  day date\073
BEGIN
  FOR day IN
    SELECT d::date FROM generate_series(today - 7, today + 7, interval ''1 day'') AS d
    UNION
    SELECT DISTINCT (start_time AT TIME ZONE ''UTC'')::date FROM spans_unpartitioned
     WHERE start_time >= ((today - 1095)::timestamp AT TIME ZONE ''UTC'') AND start_time < ((today + 8)::timestamp AT TIME ZONE ''UTC'')
  LOOP
    EXECUTE format(''CREATE TABLE %I PARTITION OF spans FOR VALUES FROM (%L) TO (%L)'',
      ''spans_p'' || to_char(day, ''YYYYMMDD''), day::timestamp AT TIME ZONE ''UTC'', (day + 1)::timestamp AT TIME ZONE ''UTC'')\073
  END LOOP\073
END';

CREATE TABLE "spans_default" PARTITION OF "spans" DEFAULT;

INSERT INTO "spans" SELECT * FROM "spans_unpartitioned";
DROP TABLE "spans_unpartitioned";

-- CreateIndex (on the parent: every partition, present and future, gets them)
ALTER TABLE "spans" ADD CONSTRAINT "spans_pkey" PRIMARY KEY ("project_id", "trace_id", "id", "start_time");
CREATE INDEX "spans_project_id_start_time_idx" ON "spans"("project_id", "start_time");
-- Not expressible in schema.prisma (partial index): see migration 20261207100000_embedding_arrival_watermark.
CREATE INDEX "spans_llm_arrival" ON "spans"("project_id", "ingested_at", "trace_id", "id") WHERE "kind" = 'llm';

-- Statistics for the new partitions at once (and for the parent, which autovacuum never analyzes).
ANALYZE "spans";

COMMIT;
