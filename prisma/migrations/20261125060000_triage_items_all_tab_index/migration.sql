-- The inbox "All" tab lists a project's items newest first (keyset on created_at, id) without a status filter.
CREATE INDEX "triage_items_project_id_created_at_id_idx" ON "triage_items"("project_id", "created_at" DESC, "id" DESC);
