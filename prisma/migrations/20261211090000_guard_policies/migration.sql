-- Inline guardrails (#15): named policies per project, and the index the overview's block and mask rates read.
-- CreateTable
CREATE TABLE "guard_policies" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "guard_policies_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "guard_policies_project_id_name_key" ON "guard_policies"("project_id", "name");

-- At most one default policy per project (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "guard_policies_one_default" ON "guard_policies"("project_id") WHERE "is_default";

-- Guardrail spans only: other spans never enter it, so ingest of LLM traffic pays nothing for it.
CREATE INDEX "spans_guardrail_time" ON "spans"("project_id", "start_time") WHERE "kind" = 'guardrail';
