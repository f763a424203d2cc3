-- AlterTable
ALTER TABLE "metric_minutes" ADD COLUMN     "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "metric_hours" (
    "project_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
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

    CONSTRAINT "metric_hours_pkey" PRIMARY KEY ("project_id","hour","model","environment","prompt_name","prompt_version")
);

-- CreateTable
CREATE TABLE "job_watermarks" (
    "name" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "job_watermarks_pkey" PRIMARY KEY ("name")
);

