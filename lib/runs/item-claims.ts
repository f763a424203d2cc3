import "server-only";
import { db } from "../db";
import { jsonText } from "../json";

/**
 * The claim protocol that makes a run survive restarts (lib/runs/README.md). Not a service:
 * the SQL the executor runs, in one place.
 */
export type ClaimedItem = { id: string; itemId: string; position: number; attempts: number; input: unknown; expectedOutput: unknown; metadata: unknown; output: unknown };

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
    returning ri.id, ri.item_id as "itemId", ri.position, ri.attempts, ri.input, ri.expected_output as "expectedOutput", ri.metadata, ri.output`;
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
};

/**
 * Completes a claimed item and adds it to the run's counters, in one transaction — only while
 * `token` still holds the claim. false: the lease was lost (another worker re-queued and took
 * it), so this completion is dropped and the item completes exactly once.
 */
export async function completeItem(options: { projectId: string; runId: string; itemId: string; token: string; outcome: ItemOutcome }): Promise<boolean> {
  const { projectId, runId, itemId, token, outcome: o } = options;
  return db.$transaction(async (tx) => {
    const n = await tx.$executeRaw`
      update run_items set status = ${o.status}, output = ${jsonText(o.output)}::jsonb, error = ${o.error}, passed = ${o.passed},
        latency_ms = ${o.latencyMs}, input_tokens = ${o.inputTokens}, output_tokens = ${o.outputTokens}, total_tokens = ${o.inputTokens + o.outputTokens},
        cost = ${o.cost}::numeric, scores = ${jsonText(o.scores)}::jsonb, trace_id = ${o.traceId}, claim_token = null, lease_until = null, finished_at = now()
      where project_id = ${projectId} and id = ${itemId} and status = 'running' and claim_token = ${token}`;
    if (n !== 1) return false;
    await tx.$executeRaw`
      update runs set done = done + 1, failed = failed + ${o.status === "done" ? 0 : 1}, passed_items = passed_items + ${o.passed ? 1 : 0},
        cost = cost + ${o.cost}::numeric, input_tokens = input_tokens + ${o.inputTokens}, output_tokens = output_tokens + ${o.outputTokens},
        total_tokens = total_tokens + ${o.inputTokens + o.outputTokens}
      where project_id = ${projectId} and id = ${runId}`;
    return true;
  });
}
