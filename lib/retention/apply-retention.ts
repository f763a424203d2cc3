import type pg from "pg";
import { addDays, retentionBoundary, utcDayStart } from "./days";
import { CHUNK, deleteExpiredTraces, inChunks, type TraceDeletions } from "./delete-expired-traces";
import { planPartition, reachedBy } from "./partition-plan";
import { ident, listSpanPartitions, PARTITION_DAYS_BACK, PARTITION_LOCK_TIMEOUT_MS, projectsInPartition, type SpanPartition } from "./span-partitions";

export type RetentionResult = TraceDeletions & {
  /** Projects with a retention set. */
  projects: number;
  /** Daily partitions dropped whole. */
  droppedPartitions: string[];
  /** Span rows deleted one by one (partitions shared with projects that keep them, and the default partition). */
  spanRows: number;
  /** The pass stopped at its deadline; the next pass goes on where it stopped. */
  incomplete: boolean;
};

export type RetentionOptions = {
  now: Date;
  /** Stop after this long (default PASS_MS). */
  passMs?: number;
  /**
   * Apply only these projects' retention (a one-off run, tests): partitions still drop only when
   * every project in them is expired, and empty old partitions are left alone (that housekeeping
   * belongs to the full pass).
   */
  onlyProjects?: string[];
  /** How long a partition drop waits for its lock on `spans` (default PARTITION_LOCK_TIMEOUT_MS). */
  lockTimeoutMs?: number;
};

/** A pass gives up after this long (pg-boss expires a job after 15 minutes); what is left waits for the next pass. */
const PASS_MS = 10 * 60_000;

/**
 * Retention of every project that set one (project_settings.trace_retention_days; none set means
 * keep forever). For each project, everything that started before its boundary (lib/retention/days.ts)
 * goes: traces and what hangs off them (deleteExpiredTraces), then spans. A daily partition is
 * dropped whole when every project with rows in it is past its boundary: one catalog change, no
 * row-by-row delete and nothing left for VACUUM. A partition still holding a project that keeps
 * its spans loses only the expired projects' rows, in chunks, and only once the partition is wholly
 * before that project's boundary; the default partition likewise, by start time. Empty partitions
 * older than the partition window go too.
 */
export async function applyRetention(client: pg.ClientBase, options: RetentionOptions): Promise<RetentionResult> {
  const deadline = Date.now() + (options.passMs ?? PASS_MS);
  const { rows } = await client.query<{ project_id: string; days: number }>(
    `select project_id, trace_retention_days as days from project_settings
      where trace_retention_days is not null and ($1::text[] is null or project_id = any($1)) order by project_id`,
    [options.onlyProjects ?? null],
  );
  const boundaries = new Map(rows.map((r) => [r.project_id, retentionBoundary(options.now, r.days)]));
  const out: RetentionResult = { projects: boundaries.size, traces: 0, scores: 0, triageItems: 0, evalAttempts: 0, embeddings: 0, driftReports: 0, droppedPartitions: [], spanRows: 0, incomplete: false };

  for (const [projectId, before] of boundaries) {
    const deleted = await deleteExpiredTraces(client, { projectId, before, deadline });
    for (const key of ["traces", "scores", "triageItems", "evalAttempts", "embeddings", "driftReports"] as const) out[key] += deleted[key];
  }

  const windowStart = addDays(utcDayStart(options.now), -PARTITION_DAYS_BACK);
  for (const partition of await listSpanPartitions(client)) {
    if (Date.now() >= deadline) break;
    if (!partition.from || !partition.to) {
      out.spanRows += await deleteOlderRows(client, partition, boundaries, deadline);
      continue;
    }
    const to = partition.to;
    // Only partitions some retention reaches are looked into, and old ones for whether they were emptied.
    const reached = reachedBy(boundaries, to);
    const emptyMayGo = !options.onlyProjects && to <= windowStart;
    if (!reached && !(emptyMayGo && (await isEmpty(client, partition.name)))) continue;
    const present = reached ? await projectsInPartition(client, partition.name) : [];
    const plan = planPartition({ to, present, boundaries, emptyMayGo });
    if (plan.action === "drop") {
      // Checked again with `spans` locked: the same rule on the projects present then.
      const stillAllowed = (now: string[]) => planPartition({ to, present: now, boundaries, emptyMayGo }).action === "drop";
      if (await dropPartition(client, partition.name, stillAllowed, options.lockTimeoutMs ?? PARTITION_LOCK_TIMEOUT_MS)) out.droppedPartitions.push(partition.name);
    } else if (plan.action === "delete") {
      for (const projectId of plan.projects) out.spanRows += await deleteProjectRows(client, partition.name, projectId, deadline);
    }
  }
  out.incomplete = Date.now() >= deadline;
  return out;
}

async function deleteProjectRows(client: pg.ClientBase, partition: string, projectId: string, deadline: number): Promise<number> {
  let deleted = 0;
  await inChunks(deadline, async () => {
    const res = await client.query(
      `delete from ${ident(partition)} where ctid = any(array(select ctid from ${ident(partition)} where project_id = $1 limit ${CHUNK}))`,
      [projectId],
    );
    deleted += res.rowCount ?? 0;
    return res.rowCount ?? 0;
  });
  return deleted;
}

async function isEmpty(client: pg.ClientBase, partition: string): Promise<boolean> {
  return (await client.query(`select not exists (select 1 from ${ident(partition)}) as empty`)).rows[0].empty;
}

/** Rows of the default partition (or of one this code cannot read the bounds of): each project's, by start time. */
async function deleteOlderRows(client: pg.ClientBase, partition: SpanPartition, boundaries: Map<string, Date>, deadline: number): Promise<number> {
  let deleted = 0;
  for (const [projectId, before] of boundaries) {
    await inChunks(deadline, async () => {
      const res = await client.query(
        `delete from ${ident(partition.name)} where ctid = any(array(
           select ctid from ${ident(partition.name)} where project_id = $1 and start_time < $2 limit ${CHUNK}))`,
        [projectId, before],
      );
      deleted += res.rowCount ?? 0;
      return res.rowCount ?? 0;
    });
  }
  return deleted;
}

/**
 * Drops a partition if `allowed` still holds for the projects in it once nothing can be written to
 * it: `spans` is locked (ACCESS EXCLUSIVE, which DROP needs anyway) before the check, so a late span
 * of a project that keeps its data cannot land in between. The lock waits at most
 * lockTimeoutMs (readers and writers queue behind a waiting lock); on timeout the next pass tries again.
 */
async function dropPartition(client: pg.ClientBase, name: string, allowed: (projects: string[]) => boolean, lockTimeoutMs: number): Promise<boolean> {
  await client.query("begin");
  try {
    await client.query(`set local lock_timeout = ${Math.round(lockTimeoutMs)}`);
    await client.query("lock table spans in access exclusive mode");
    if (!allowed(await projectsInPartition(client, name))) {
      await client.query("rollback");
      return false;
    }
    await client.query(`drop table ${ident(name)}`);
    await client.query("commit");
    return true;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    if ((error as { code?: string }).code === "55P03") return false; // lock_not_available: next pass
    throw error;
  }
}
