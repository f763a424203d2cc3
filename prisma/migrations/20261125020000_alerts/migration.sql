-- CreateTable
CREATE TABLE "alert_rules" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "comparator" TEXT NOT NULL DEFAULT 'gt',
    "threshold" DOUBLE PRECISION NOT NULL,
    "window_minutes" INTEGER NOT NULL DEFAULT 5,
    "filters" JSONB,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 30,
    "webhook_url" TEXT NOT NULL,
    "muted_until" TIMESTAMPTZ(6),
    "state" TEXT NOT NULL DEFAULT 'ok',
    "last_value" DOUBLE PRECISION,
    "last_evaluated_at" TIMESTAMPTZ(6),
    "last_notified_at" TIMESTAMPTZ(6),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "delivery_status" TEXT NOT NULL DEFAULT 'pending',
    "delivery_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "alert_events_project_id_rule_id_created_at_idx" ON "alert_events"("project_id", "rule_id", "created_at");

