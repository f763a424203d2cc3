-- Feedback for traces that have not arrived yet (#14 item 4): parked, not counted, until the trace's ingest write attaches it.
-- CreateTable
CREATE TABLE "pending_feedback" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT,
    "number_value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "pending_feedback_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "pending_feedback_project_id_trace_id_idx" ON "pending_feedback"("project_id", "trace_id");

-- CreateIndex
CREATE INDEX "pending_feedback_created_at_idx" ON "pending_feedback"("created_at");
