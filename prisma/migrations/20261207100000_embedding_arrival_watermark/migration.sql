-- The embedding pass tracks what still needs a vector by arrival (ingested_at), not by start
-- time: a backfill of old traces arrives "late" by start time and used to wait for the daily
-- sweep. The old start-time watermark cannot be converted (it never vouched for late arrivals),
-- so existing rows go: each project × field × model starts again with one full walk.
DELETE FROM "embedding_progress";

-- AlterTable
ALTER TABLE "embedding_progress" DROP COLUMN "complete_before",
ADD COLUMN     "arrived_at" TIMESTAMPTZ(6) NOT NULL,
ADD COLUMN     "arrived_trace_id" TEXT NOT NULL,
ADD COLUMN     "arrived_span_id" TEXT NOT NULL;

-- Not expressible in schema.prisma (partial index). The arrival walk reads LLM spans ingested
-- after the watermark in (ingested_at, trace_id, id) order. Partial, so other span kinds (most
-- of the rows) cost ingest nothing here.
CREATE INDEX "spans_llm_arrival" ON "spans"("project_id", "ingested_at", "trace_id", "id") WHERE "kind" = 'llm';
