
-- DropTable
DROP TABLE "metric_hours";

-- CreateTable
CREATE TABLE "metric_rollups" (
    "project_id" TEXT NOT NULL,
    "tier" INTEGER NOT NULL,
    "start" TIMESTAMPTZ(6) NOT NULL,
    "grain" INTEGER NOT NULL,
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

    CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("project_id","tier","grain","start","model","environment","prompt_name","prompt_version")
);


-- The rollup job rebuilds every tier from metric_minutes on its next run.
DELETE FROM "job_watermarks" WHERE "name" = 'metric_hours';

-- Keep rollup rows (sums + four sketch arrays, ~3 KB for a busy hour) inline and uncompressed:
-- out-of-line TOAST made every dashboard read fetch and decompress each sketch (measured 2.4x slower).
ALTER TABLE "metric_rollups" SET (toast_tuple_target = 8160);
