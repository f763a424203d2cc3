-- The explorer's sorts by latency, cost and tokens walk an index in sort order and stop after
-- one page, instead of sorting every trace of the time window (lib/traces/trace-sort.ts).
-- Each expression must match that file's ORDER BY expression exactly for the planner to use it.
CREATE INDEX "traces_cost_sort" ON "traces"("project_id", "total_cost" DESC, "id" DESC);

-- Not expressible in schema.prisma (expression indexes).
CREATE INDEX "traces_latency_sort" ON "traces"("project_id", (extract(epoch from ("end_time" - "start_time"))) DESC, "id" DESC);
CREATE INDEX "traces_tokens_sort" ON "traces"("project_id", ("input_tokens" + "output_tokens") DESC, "id" DESC);
