-- Online evaluation rules (lib/online-evals), the arrival index they walk traces by, and the index the overview's eval-score chart reads.



-- CreateTable
CREATE TABLE "online_eval_rules" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sample_rate" DOUBLE PRECISION NOT NULL,
    "filter" JSONB NOT NULL,
    "evaluator" JSONB NOT NULL,
    "connection_id" TEXT,
    "model" TEXT,
    "score_name" TEXT NOT NULL,
    "watermark_at" TIMESTAMPTZ(6) NOT NULL,
    "watermark_trace_id" TEXT NOT NULL DEFAULT '',
    "evaluated_count" INTEGER NOT NULL DEFAULT 0,
    "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(6),
    "last_run_at" TIMESTAMPTZ(6),
    "judge_calls" INTEGER NOT NULL DEFAULT 0,
    "cost_total" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "online_eval_rules_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "online_eval_rules_project_id_name_key" ON "online_eval_rules"("project_id", "name");

-- CreateIndex
CREATE INDEX "scores_project_id_source_created_at_idx" ON "scores"("project_id", "source", "created_at");

-- CreateIndex
CREATE INDEX "traces_arrival" ON "traces"("project_id", "updated_at", "id");

