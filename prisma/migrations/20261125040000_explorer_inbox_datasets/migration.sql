-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- AlterTable
ALTER TABLE "project_settings" ADD COLUMN     "triage_rules" JSONB;

-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "models" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "search_text" TEXT;

-- CreateTable
CREATE TABLE "saved_views" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "triage_items" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" TEXT NOT NULL DEFAULT 'open',
    "assignee_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(6),

    CONSTRAINT "triage_items_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "triage_comments" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triage_comments_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "dataset_items" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "dataset_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "input" JSONB NOT NULL,
    "expected_output" JSONB,
    "metadata" JSONB,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_trace_id" TEXT,
    "source_span_id" TEXT,
    "created_by_id" TEXT,
    "valid_from" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "valid_to" TIMESTAMPTZ(6),

    CONSTRAINT "dataset_items_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_project_id_name_key" ON "saved_views"("project_id", "name");

-- CreateIndex
CREATE INDEX "triage_items_project_id_status_created_at_idx" ON "triage_items"("project_id", "status", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "triage_items_project_id_trace_id_key" ON "triage_items"("project_id", "trace_id");

-- CreateIndex
CREATE INDEX "triage_comments_project_id_item_id_created_at_idx" ON "triage_comments"("project_id", "item_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_project_id_name_key" ON "datasets"("project_id", "name");

-- CreateIndex
CREATE INDEX "dataset_items_project_id_dataset_id_valid_to_idx" ON "dataset_items"("project_id", "dataset_id", "valid_to");

-- CreateIndex
CREATE INDEX "dataset_items_project_id_source_trace_id_idx" ON "dataset_items"("project_id", "source_trace_id");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_items_project_id_dataset_id_item_id_version_key" ON "dataset_items"("project_id", "dataset_id", "item_id", "version");

-- CreateIndex
CREATE INDEX "traces_project_id_session_id_start_time_idx" ON "traces"("project_id", "session_id", "start_time");

-- CreateIndex
CREATE INDEX "traces_search_text_trgm" ON "traces" USING GIN ("search_text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "triage_comments" ADD CONSTRAINT "triage_comments_project_id_item_id_fkey" FOREIGN KEY ("project_id", "item_id") REFERENCES "triage_items"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_project_id_dataset_id_fkey" FOREIGN KEY ("project_id", "dataset_id") REFERENCES "datasets"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill the search text of traces stored before this migration (same expression as ingest).
UPDATE "traces" SET "search_text" = left(coalesce("input"::text, '') || E'\n' || coalesce("output"::text, ''), 16384) WHERE "input" IS NOT NULL OR "output" IS NOT NULL;

-- Backfill the models of traces stored before this migration.
UPDATE "traces" t SET "models" = m.models FROM (SELECT project_id, trace_id, array_agg(DISTINCT model) AS models FROM "spans" WHERE model IS NOT NULL GROUP BY 1, 2) m WHERE m.project_id = t.project_id AND m.trace_id = t.id;
