-- Queue progress (count(*) and sum(least(judgment_count, k)) per queue) reads this index only,
-- instead of every pair's prompt and responses: bench:annotate showed ~600 ms per cycle at 100k pairs.
CREATE INDEX "preference_pairs_queue_progress" ON "preference_pairs"("project_id", "queue_id", "judgment_count");
