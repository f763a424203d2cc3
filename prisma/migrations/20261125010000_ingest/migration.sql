-- CreateTable
CREATE TABLE "project_settings" (
    "project_id" TEXT NOT NULL,
    "pii_settings" JSONB,
    "price_overrides" JSONB,
    "feedback_origins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_settings_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "spans" (
    "project_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "parent_id" TEXT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(6) NOT NULL,
    "end_time" TIMESTAMPTZ(6) NOT NULL,
    "latency_ms" DOUBLE PRECISION NOT NULL,
    "ttft_ms" DOUBLE PRECISION,
    "model" TEXT,
    "provider" TEXT,
    "input" JSONB,
    "output" JSONB,
    "model_parameters" JSONB,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "cached_input_tokens" INTEGER,
    "reasoning_tokens" INTEGER,
    "total_tokens" INTEGER,
    "input_cost" DECIMAL(20,10),
    "output_cost" DECIMAL(20,10),
    "total_cost" DECIMAL(20,10),
    "cost_estimated" BOOLEAN NOT NULL DEFAULT false,
    "price_source" TEXT,
    "level" TEXT NOT NULL,
    "status_message" TEXT,
    "user_id" TEXT,
    "session_id" TEXT,
    "environment" TEXT,
    "release" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "metadata" JSONB,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pii_masks" INTEGER NOT NULL DEFAULT 0,
    "trace_name" TEXT,
    "ingested_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spans_pkey" PRIMARY KEY ("project_id","trace_id","id")
);

-- CreateTable
CREATE TABLE "traces" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_name" TEXT,
    "root_name" TEXT,
    "first_name" TEXT,
    "start_time" TIMESTAMPTZ(6) NOT NULL,
    "end_time" TIMESTAMPTZ(6) NOT NULL,
    "input" JSONB,
    "output" JSONB,
    "user_id" TEXT,
    "session_id" TEXT,
    "environment" TEXT,
    "release" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "metadata" JSONB,
    "span_count" INTEGER NOT NULL DEFAULT 0,
    "llm_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "total_cost" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "traces_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "scores" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT,
    "name" TEXT NOT NULL,
    "number_value" DOUBLE PRECISION,
    "string_value" TEXT,
    "data_type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "scores_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "metric_minutes" (
    "project_id" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "model" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "prompt_name" TEXT NOT NULL DEFAULT '',
    "prompt_version" INTEGER NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "ttft_count" INTEGER NOT NULL DEFAULT 0,
    "ttft_sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "cost_sum" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "thumbs_up" INTEGER NOT NULL DEFAULT 0,
    "thumbs_down" INTEGER NOT NULL DEFAULT 0,
    "flagged_pii" INTEGER NOT NULL DEFAULT 0,
    "flagged_injection" INTEGER NOT NULL DEFAULT 0,
    "flagged_uncertainty" INTEGER NOT NULL DEFAULT 0,
    "latency_buckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "latency_counts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "ttft_buckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "ttft_counts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "metric_minutes_pkey" PRIMARY KEY ("project_id","minute","model","environment","prompt_name","prompt_version")
);

-- CreateIndex
CREATE INDEX "spans_project_id_start_time_idx" ON "spans"("project_id", "start_time");

-- CreateIndex
CREATE INDEX "traces_project_id_start_time_id_idx" ON "traces"("project_id", "start_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "scores_project_id_trace_id_idx" ON "scores"("project_id", "trace_id");

-- AddForeignKey
ALTER TABLE "project_settings" ADD CONSTRAINT "project_settings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

