"use client";
import { useSearchParams } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatMeasure, MEASURE_LABELS } from "@/lib/alerts/measure-value";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { useAlertEventsQuery } from "@/lib/queries/alerts/use-alert-events-query";
import { useAlertMutations } from "@/lib/queries/alerts/use-alert-mutations";
import { useAlertRulesQuery } from "@/lib/queries/alerts/use-alert-rules-query";
import type { AlertMeasure } from "@/lib/schemas/alerts";
import { useSearchParamsPatch } from "@/components/prompts/use-search-params-patch";
import { AlertRuleForm } from "./alert-rule-form";

const STATUS_TONE: Record<string, "green" | "red" | "amber" | "zinc"> = { delivered: "green", failed: "red", pending: "amber", muted: "zinc", cooldown: "zinc" };

export function AlertsClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const rules = useAlertRulesQuery(projectId);
  const events = useAlertEventsQuery(projectId);
  const m = useAlertMutations(projectId);
  const names = new Map((rules.data ?? []).map((r) => [r.id, r.name]));
  const measures = new Map((rules.data ?? []).map((r) => [r.id, r.measure]));
  const fmt = (measure: string, v: number | null) => formatMeasure(measure as AlertMeasure, v);
  // The rule being edited is in the URL (`?edit=<rule id>`): a reload or a shared link opens it again.
  const search = useSearchParams();
  const patch = useSearchParamsPatch();
  const editing = canManage ? rules.data?.find((r) => r.id === search.get("edit")) : undefined;
  const setEditing = (id: string | null) => patch({ edit: id }, { push: id !== null });

  function sendTest(id: string) {
    m.test.mutate(id, { onSuccess: (r) => (r.delivered ? toast.success(`Test delivered (HTTP ${r.status})`) : toast.error(`Test failed: ${r.error}`)), onError: (e) => toast.error(e.message) });
  }
  function toggleMute(id: string, muted: boolean) {
    const until = muted ? null : new Date(Date.now() + 24 * 3_600_000).toISOString();
    m.update.mutate({ id, mutedUntil: until }, { onSuccess: () => toast.success(muted ? "Unmuted" : "Muted for 24 hours") });
  }

  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Alerts</h1>
      <Card title="Rules">
        {rules.isPending ? <Skeleton className="h-16 w-full" /> : rules.isError ? <FieldError>{rules.error.message}</FieldError> : rules.data.length === 0 ? (
          <EmptyState title="No alert rules yet">Create one below: for example p95 latency above 3000 ms over 5 minutes, posted to a Slack webhook.</EmptyState>
        ) : (
          <Table head={["Rule", "Condition", "Now", "State", ""]}>
            {rules.data.map((r) => {
              const muted = r.mutedUntil !== null && new Date(r.mutedUntil) > new Date();
              return (
                <tr key={r.id} data-testid="alert-rule-row">
                  <Td><div className="font-medium">{r.name}</div><div className="max-w-xs truncate text-xs text-zinc-500" title="Webhook (write-only: shown masked)">{r.webhookUrl}</div></Td>
                  <Td className="text-xs">{MEASURE_LABELS[r.measure as AlertMeasure]} {r.comparator === "lt" ? "<" : ">"} {fmt(r.measure, r.threshold)} over {r.windowMinutes} min{r.filters && Object.keys(r.filters).length ? ` (${Object.entries(r.filters).map(([k, v]) => `${k}=${v}`).join(", ")})` : ""}</Td>
                  <Td className="whitespace-nowrap text-xs">{fmt(r.measure, r.lastValue)}<div className="text-zinc-400">{r.lastEvaluatedAt ? formatRelative(r.lastEvaluatedAt) : "not evaluated yet"}</div></Td>
                  <Td>{r.state === "firing" ? <Badge tone="red">firing</Badge> : <Badge tone="green">ok</Badge>} {muted && <span title={`Muted until ${formatDateTime(r.mutedUntil!)}`}><Badge>muted</Badge></span>}</Td>
                  <Td>
                    {canManage && (
                      <div className="flex flex-wrap justify-end gap-1">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(r.id)} aria-label={`Edit ${r.name}`}>Edit</Button>
                        <Button size="sm" variant="ghost" onClick={() => sendTest(r.id)} disabled={m.test.isPending}>Send test</Button>
                        <Button size="sm" variant="ghost" onClick={() => toggleMute(r.id, muted)}>{muted ? "Unmute" : "Mute 24h"}</Button>
                        <Button size="sm" variant="danger" onClick={() => window.confirm(`Delete "${r.name}"?`) && m.remove.mutate(r.id)}>Delete</Button>
                      </div>
                    )}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>
      {canManage && (editing ? <AlertRuleForm key={editing.id} projectId={projectId} rule={editing} onDone={() => setEditing(null)} /> : <AlertRuleForm projectId={projectId} />)}
      <Card title="Recent events" description="Firing, recovery and test notifications, and whether their webhook was delivered.">
        {events.isPending ? <Skeleton className="h-16 w-full" /> : !events.data?.length ? <p className="text-sm text-zinc-500">Nothing has fired yet.</p> : (
          <Table head={["When", "Rule", "Event", "Value", "Delivery"]}>
            {events.data.map((e) => (
              <tr key={e.id} data-testid="alert-event-row">
                <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(e.createdAt)}>{formatRelative(e.createdAt)}</span></Td>
                <Td>{names.get(e.ruleId) ?? "(deleted rule)"}</Td>
                <Td><Badge tone={e.kind === "firing" ? "red" : e.kind === "resolved" ? "green" : "indigo"}>{e.kind}</Badge></Td>
                <Td className="whitespace-nowrap text-xs">{e.value === null ? "—" : measures.has(e.ruleId) ? fmt(measures.get(e.ruleId)!, e.value) : e.value.toPrecision(4)}</Td>
                <Td><Badge tone={STATUS_TONE[e.deliveryStatus] ?? "zinc"}>{e.deliveryStatus}</Badge>{e.deliveryAttempts > 1 && <span className="ml-1 text-xs text-zinc-500">{e.deliveryAttempts} attempts</span>}{e.lastError && <div className="text-xs text-red-600">{e.lastError}</div>}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
