-- AlterTable
ALTER TABLE "project_settings" ADD COLUMN     "embedding_settings" JSONB;

-- CreateTable
CREATE TABLE "embeddings" (
    "project_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "source" TEXT NOT NULL,
    "span_start_time" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embeddings_pkey" PRIMARY KEY ("project_id","trace_id","span_id","field","model")
);

-- CreateTable
CREATE TABLE "embedding_models" (
    "project_id" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "field" TEXT,
    "idf" BYTEA,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embedding_models_pkey" PRIMARY KEY ("project_id","model")
);

-- CreateTable
CREATE TABLE "drift_reports" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "baseline" TEXT NOT NULL,
    "reference_start" TIMESTAMPTZ(6),
    "reference_end" TIMESTAMPTZ(6),
    "range_start" TIMESTAMPTZ(6) NOT NULL,
    "range_end" TIMESTAMPTZ(6) NOT NULL,
    "filters" JSONB,
    "statistic" TEXT NOT NULL DEFAULT 'centroid_euclidean',
    "alpha" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "windows" JSONB NOT NULL DEFAULT '[]',
    "distance" DOUBLE PRECISION,
    "p_value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION,
    "drifted" BOOLEAN NOT NULL DEFAULT false,
    "projection" JSONB,
    "deep_check" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(6),

    CONSTRAINT "drift_reports_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "embeddings_project_id_model_field_span_start_time_idx" ON "embeddings"("project_id", "model", "field", "span_start_time");

-- CreateIndex
CREATE INDEX "drift_reports_project_id_field_model_created_at_idx" ON "drift_reports"("project_id", "field", "model", "created_at" DESC);

