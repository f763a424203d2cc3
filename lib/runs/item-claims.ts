import "server-only";
import { db } from "../db";
import { jsonText } from "../json";

/**
 * The claim protocol that makes a run survive restarts (lib/runs/README.md). Not a service:
 * the SQL the executor runs, in one place.
 */
export type ClaimedItem = { id: string; itemId: string; position: number; attempts: number; input: unknown; expectedOutput: unknown; metadata: unknown; contexts: unknown; output: unknown };

/** Claims the next pending item of a running run for `token`, under a lease; null when none is left (or the run stopped). */
export async function claimNextItem(options: { projectId: string; runId: string; token: string; leaseMs: number }): Promise<ClaimedItem | null> {
  const { projectId, runId, token, leaseMs } = options;
  const rows = await db.$queryRaw<ClaimedItem[]>`
    update run_items ri set status = 'running', attempts = ri.attempts + 1, claim_token = ${token},
      lease_until = now() + ${leaseMs} * interval '1 millisecond', started_at = now()
    where (ri.project_id, ri.id) = (
      select c.project_id, c.id from run_items c
      join runs r on r.project_id = c.project_id and r.id = c.run_id and r.status = 'running'
      where c.project_id = ${projectId} and c.run_id = ${runId} and c.status = 'pending'
      order by c.position limit 1
      for update of c skip locked)
    returning ri.id, ri.item_id as "itemId", ri.position, ri.attempts, ri.input, ri.expected_output as "expectedOutput", ri.metadata, ri.contexts, ri.output`;
  return rows[0] ?? null;
}

/** Items whose claimer stopped renewing its lease (a killed worker) go back to pending. */
export async function requeueExpired(options: { projectId: string; runId: string }): Promise<number> {
  return db.$executeRaw`
    update run_items set status = 'pending', claim_token = null, lease_until = null
    where project_id = ${options.projectId} and run_id = ${options.runId} and status = 'running' and lease_until < now()`;
}

/** Keeps this executor's claims alive while their calls are in flight. */
export async function renewLeases(options: { projectId: string; runId: string; token: string; leaseMs: number }): Promise<void> {
  await db.$executeRaw`
    update run_items set lease_until = now() + ${options.leaseMs} * interval '1 millisecond'
    where project_id = ${options.projectId} and run_id = ${options.runId} and status = 'running' and claim_token = ${options.token}`;
}

export type ItemOutcome = {
  status: "done" | "failed" | "judge_error";
  output: unknown;
  error: string | null;
  passed: boolean;
  latencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  scores: Record<string, unknown> | null;
  traceId: string | null;
  /** The item's trace write, when it has one: the item is completed only after it settles. */
  stored?: Promise<unknown>;
};

/**
 * Completes claimed items and adds them to the run's counters, in one transaction — each only
 * while `token` still holds its claim. An item whose lease was lost (another worker re-queued
 * and took it) is dropped and not counted, so every item completes exactly once. Many items per
 * transaction: one commit and one update of the run's row instead of one each, which is what
 * bounds a run's throughput when dozens of slots finish items at once. Returns the ids completed.
 */
export async function completeItems(options: { projectId: string; runId: string; token: string; items: { itemId: string; outcome: ItemOutcome }[] }): Promise<string[]> {
  const { projectId, runId, token, items } = options;
  if (!items.length) return [];
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const { itemId, outcome: o } of items) {
      const n = await tx.$executeRaw`
        update run_items set status = ${o.status}, output = ${jsonText(o.output)}::jsonb, error = ${o.error}, passed = ${o.passed},
          latency_ms = ${o.latencyMs}, input_tokens = ${o.inputTokens}, output_tokens = ${o.outputTokens}, total_tokens = ${o.inputTokens + o.outputTokens},
          cost = ${o.cost}::numeric, scores = ${jsonText(o.scores)}::jsonb, trace_id = ${o.traceId}, claim_token = null, lease_until = null, finished_at = now()
        where project_id = ${projectId} and id = ${itemId} and status = 'running' and claim_token = ${token}`;
      if (n === 1) ids.push(itemId);
    }
    if (!ids.length) return ids;
    // Summed by Postgres from the rows just written: numeric cost, so the run's total is exactly the sum of its items.
    await tx.$executeRaw`
      update runs r set done = r.done + s.n, failed = r.failed + s.failed, passed_items = r.passed_items + s.passed,
        cost = r.cost + s.cost, input_tokens = r.input_tokens + s.input_tokens, output_tokens = r.output_tokens + s.output_tokens,
        total_tokens = r.total_tokens + s.input_tokens + s.output_tokens
      from (
        select count(*)::int as n, (count(*) filter (where status <> 'done'))::int as failed, (count(*) filter (where passed))::int as passed,
          coalesce(sum(cost), 0) as cost, coalesce(sum(input_tokens), 0)::int as input_tokens, coalesce(sum(output_tokens), 0)::int as output_tokens
        from run_items where project_id = ${projectId} and id = any(${ids}::text[])
      ) s
      where r.project_id = ${projectId} and r.id = ${runId}`;
    return ids;
  });
}
