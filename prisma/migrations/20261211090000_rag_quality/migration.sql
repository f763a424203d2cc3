-- RAG quality (#17): golden items and run items carry retrieved contexts, eval scores keep their
-- evidence (faithfulness statements and verdicts) for the trace view, online rules count escalations.
-- AlterTable
ALTER TABLE "dataset_items" ADD COLUMN "contexts" JSONB;

-- AlterTable
ALTER TABLE "run_items" ADD COLUMN "contexts" JSONB;

-- AlterTable
ALTER TABLE "scores" ADD COLUMN "details" JSONB;

-- AlterTable
ALTER TABLE "online_eval_rules" ADD COLUMN "escalated_count" INTEGER NOT NULL DEFAULT 0;
