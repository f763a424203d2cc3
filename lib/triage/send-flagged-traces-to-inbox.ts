import { db } from "../db";
import { AppError } from "../errors";

export const TRIAGE_REASONS = ["error", "thumbs_down", "low_score", "unfaithful", "slow", "pii", "injection", "uncertainty", "guardrail_blocked", "drift", "manual"] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

/**
 * Puts a trace into the failure inbox with the given reasons: one item per trace, so a
 * trace already there gains the reasons it lacked (its status and assignee are kept).
 * Used by the manual "send to inbox" action (send-trace-manually-to-inbox.ts) and by the drift page; ingest-time rules use
 * set-based SQL with the same semantics.
 */
export async function sendFlaggedTracesToInbox(options: { projectId: string; traceIds: readonly string[]; reasons: readonly TriageReason[] }) {
  const { projectId, traceIds, reasons } = options;
  const ids = [...new Set(traceIds)];
  if (!ids.length || !reasons.length) return { items: 0 };
  const known = await db.trace.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
  if (known.length !== ids.length) {
    const missing = ids.filter((id) => !known.some((k) => k.id === id));
    throw new AppError("NOT_FOUND", `Trace ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? "…" : ""} not found`);
  }
  // One statement: insert new items, merge reasons into existing ones.
  const rows = await db.$queryRaw<{ n: number }[]>`
    with upserted as (
      insert into triage_items as t (project_id, id, trace_id, reasons)
      select ${projectId}, gen_random_uuid()::text, trace_id, ${[...new Set(reasons)]}::text[]
      from unnest(${ids}::text[]) as u(trace_id)
      on conflict (project_id, trace_id) do update set
        reasons = array(select distinct unnest(t.reasons || excluded.reasons) order by 1),
        updated_at = now()
      returning 1
    )
    select count(*)::int as n from upserted`;
  return { items: rows[0]?.n ?? 0 };
}
