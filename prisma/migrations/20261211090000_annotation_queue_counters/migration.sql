-- Queue progress (pairs, and judgments toward k per pair) was a scan of every pair of the queue
-- on each submit and each lease: two scans of 100,000 index entries per annotator cycle. The
-- queue row now carries both, kept exact by statement-level triggers on preference_pairs (one
-- update of the queue row per statement, however many pairs it touched) and recomputed when k
-- changes.
ALTER TABLE "annotation_queues" ADD COLUMN "pair_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "annotation_queues" ADD COLUMN "judgments_done" INTEGER NOT NULL DEFAULT 0;

UPDATE "annotation_queues" q SET
  "pair_count" = s.pairs,
  "judgments_done" = s.done
FROM (
  SELECT p.project_id, p.queue_id, count(*)::int AS pairs, sum(least(p.judgment_count, q2.judgments_per_pair))::int AS done
  FROM "preference_pairs" p JOIN "annotation_queues" q2 ON q2.project_id = p.project_id AND q2.id = p.queue_id
  GROUP BY p.project_id, p.queue_id
) s
WHERE q.project_id = s.project_id AND q.id = s.queue_id;

-- Applies the per-queue differences of one statement's old and new pair rows.
CREATE FUNCTION annotation_queue_counters_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE annotation_queues q SET pair_count = q.pair_count + d.pairs, judgments_done = q.judgments_done + d.done
    FROM (SELECT n.project_id, n.queue_id, count(*)::int AS pairs, sum(least(n.judgment_count, q2.judgments_per_pair))::int AS done
          FROM new_pairs n JOIN annotation_queues q2 ON q2.project_id = n.project_id AND q2.id = n.queue_id
          GROUP BY n.project_id, n.queue_id) d
    WHERE q.project_id = d.project_id AND q.id = d.queue_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE annotation_queues q SET pair_count = q.pair_count - d.pairs, judgments_done = q.judgments_done - d.done
    FROM (SELECT o.project_id, o.queue_id, count(*)::int AS pairs, sum(least(o.judgment_count, q2.judgments_per_pair))::int AS done
          FROM old_pairs o JOIN annotation_queues q2 ON q2.project_id = o.project_id AND q2.id = o.queue_id
          GROUP BY o.project_id, o.queue_id) d
    WHERE q.project_id = d.project_id AND q.id = d.queue_id;
  ELSE
    UPDATE annotation_queues q SET pair_count = q.pair_count + d.pairs, judgments_done = q.judgments_done + d.done
    FROM (SELECT c.project_id, c.queue_id, sum(c.pairs)::int AS pairs, sum(least(c.judgment_count, q2.judgments_per_pair) * c.pairs)::int AS done
          FROM (SELECT project_id, queue_id, judgment_count, 1 AS pairs FROM new_pairs
                UNION ALL SELECT project_id, queue_id, judgment_count, -1 FROM old_pairs) c
          JOIN annotation_queues q2 ON q2.project_id = c.project_id AND q2.id = c.queue_id
          GROUP BY c.project_id, c.queue_id) d
    WHERE q.project_id = d.project_id AND q.id = d.queue_id AND (d.pairs <> 0 OR d.done <> 0);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER preference_pairs_counters_insert AFTER INSERT ON "preference_pairs"
  REFERENCING NEW TABLE AS new_pairs FOR EACH STATEMENT EXECUTE FUNCTION annotation_queue_counters_apply();
CREATE TRIGGER preference_pairs_counters_delete AFTER DELETE ON "preference_pairs"
  REFERENCING OLD TABLE AS old_pairs FOR EACH STATEMENT EXECUTE FUNCTION annotation_queue_counters_apply();
CREATE TRIGGER preference_pairs_counters_update AFTER UPDATE ON "preference_pairs"
  REFERENCING OLD TABLE AS old_pairs NEW TABLE AS new_pairs FOR EACH STATEMENT EXECUTE FUNCTION annotation_queue_counters_apply();

-- A new k changes what every pair contributes: recount from the pairs.
CREATE FUNCTION annotation_queue_recount_done() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.judgments_done := coalesce((SELECT sum(least(p.judgment_count, NEW.judgments_per_pair))::int
                                  FROM preference_pairs p WHERE p.project_id = NEW.project_id AND p.queue_id = NEW.id), 0);
  RETURN NEW;
END $$;

CREATE TRIGGER annotation_queues_recount_done BEFORE UPDATE OF judgments_per_pair ON "annotation_queues"
  FOR EACH ROW WHEN (OLD.judgments_per_pair IS DISTINCT FROM NEW.judgments_per_pair) EXECUTE FUNCTION annotation_queue_recount_done();
