-- The explorer's userId filter ("find the trace this user complained about"): without it a
-- rare user's traces are found by a parallel seq scan of the project (bench/explorer).
CREATE INDEX "traces_project_id_user_id_start_time_id_idx" ON "traces"("project_id", "user_id", "start_time" DESC, "id" DESC);
