-- Online evaluation (#17): every trace a rule evaluated, whatever the outcome, so a failed evaluation
-- (no score) is not judged and paid for again when late spans make its trace arrive again.
-- The rule's score ids are still checked too, for traces scored before this table existed.

-- CreateTable
CREATE TABLE "online_eval_attempts" (
    "project_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "online_eval_attempts_pkey" PRIMARY KEY ("project_id","rule_id","trace_id")
);

-- CreateIndex
CREATE INDEX "online_eval_attempts_project_id_trace_id_idx" ON "online_eval_attempts"("project_id", "trace_id");

-- AddForeignKey
ALTER TABLE "online_eval_attempts" ADD CONSTRAINT "online_eval_attempts_project_id_rule_id_fkey" FOREIGN KEY ("project_id", "rule_id") REFERENCES "online_eval_rules"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

