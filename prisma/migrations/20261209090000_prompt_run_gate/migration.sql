-- AlterTable
ALTER TABLE "prompt_change_requests" ADD COLUMN     "gate_baseline_run_id" TEXT,
ADD COLUMN     "gate_error" TEXT,
ADD COLUMN     "gate_overridden_at" TIMESTAMPTZ(6),
ADD COLUMN     "gate_override_by_id" TEXT,
ADD COLUMN     "gate_override_reason" TEXT,
ADD COLUMN     "gate_run_id" TEXT;

-- CreateIndex
CREATE INDEX "prompt_change_requests_project_id_gate_run_id_idx" ON "prompt_change_requests"("project_id", "gate_run_id");

-- CreateIndex
CREATE INDEX "prompt_change_requests_project_id_gate_baseline_run_id_idx" ON "prompt_change_requests"("project_id", "gate_baseline_run_id");

