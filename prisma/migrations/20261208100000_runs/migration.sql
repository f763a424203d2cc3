-- CreateTable
CREATE TABLE "runs" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "dataset_id" TEXT NOT NULL,
    "snapshot_at" TIMESTAMPTZ(6) NOT NULL,
    "source" TEXT NOT NULL,
    "prompt_id" TEXT,
    "prompt_name" TEXT,
    "prompt_version" INTEGER,
    "prompt_label" TEXT,
    "connection_id" TEXT,
    "model" TEXT,
    "model_config" JSONB NOT NULL DEFAULT '{}',
    "evaluators" JSONB NOT NULL DEFAULT '[]',
    "min_pass_rate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "concurrency" INTEGER NOT NULL DEFAULT 8,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "passed_items" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "passed" BOOLEAN,
    "error" TEXT,
    "created_by_id" TEXT,
    "created_by_api_key" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "cancelled_at" TIMESTAMPTZ(6),
    CONSTRAINT "runs_pkey" PRIMARY KEY ("project_id","id")
);
-- CreateTable
CREATE TABLE "run_items" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item_id" TEXT NOT NULL,
    "item_version" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "expected_output" JSONB,
    "metadata" JSONB,
    "output" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(6),
    "claim_token" TEXT,
    "latency_ms" INTEGER,
    "input_tokens" INTEGER,
    "output_tokens" INTEGER,
    "total_tokens" INTEGER,
    "cost" DECIMAL(20,10),
    "scores" JSONB,
    "passed" BOOLEAN,
    "trace_id" TEXT,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    CONSTRAINT "run_items_pkey" PRIMARY KEY ("project_id","id")
);
-- CreateIndex
CREATE INDEX "runs_project_id_created_at_idx" ON "runs"("project_id", "created_at" DESC);
-- CreateIndex
CREATE INDEX "runs_project_id_dataset_id_created_at_idx" ON "runs"("project_id", "dataset_id", "created_at" DESC);
-- CreateIndex
CREATE INDEX "run_items_project_id_run_id_status_position_idx" ON "run_items"("project_id", "run_id", "status", "position");
-- CreateIndex
CREATE UNIQUE INDEX "run_items_project_id_run_id_item_id_key" ON "run_items"("project_id", "run_id", "item_id");
-- AddForeignKey
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_project_id_run_id_fkey" FOREIGN KEY ("project_id", "run_id") REFERENCES "runs"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

