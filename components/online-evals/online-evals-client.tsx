"use client";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatCost } from "@/lib/format/format-cost";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { OnlineEvalRuleRow } from "@/lib/queries/online-evals/keys";
import { useOnlineEvalMutations } from "@/lib/queries/online-evals/use-online-eval-mutations";
import { useOnlineEvalsQuery } from "@/lib/queries/online-evals/use-online-evals-query";
import { RuleDialog } from "./rule-dialog";

const filterText = (r: OnlineEvalRuleRow) =>
  Object.entries(r.filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v === null ? "any" : Array.isArray(v) ? v.join("+") : v}`).join(" · ");

export function OnlineEvalsClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const rules = useOnlineEvalsQuery(projectId);
  const { update } = useOnlineEvalMutations(projectId);
  const [editing, setEditing] = useState<OnlineEvalRuleRow | "new" | null>(null);
  const explore = (r: OnlineEvalRuleRow) => `/project/${projectId}/traces?scoreName=${encodeURIComponent(r.scoreName)}`;

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Online evaluation</h1>
          <p className="text-sm text-zinc-500">Score a sample of new production traces with an evaluator. Scores (source eval) flow into the explorer, the overview and the inbox&apos;s low-score rule.</p>
        </div>
        {canManage && <Button className="shrink-0 whitespace-nowrap" onClick={() => setEditing("new")}><Plus className="size-4" /> New rule</Button>}
      </div>
      <Card>
        {rules.isPending ? (
          <div className="space-y-2"><Skeleton className="h-8 w-full" /><Skeleton className="h-8 w-full" /></div>
        ) : rules.isError ? (
          <FieldError>{rules.error.message}</FieldError>
        ) : rules.data.length === 0 ? (
          <EmptyState title="No online evaluation rules yet">
            <p className="mx-auto max-w-xl">A rule evaluates a share of the traces that arrive — say 10 % of production traces of one prompt — with a deterministic check or an LLM judge, and writes the result as a score.</p>
            {canManage && <Button className="mt-4" onClick={() => setEditing("new")}><Plus className="size-4" /> Create a rule</Button>}
          </EmptyState>
        ) : (
          <Table head={["Rule", "Sample", "Evaluated", "Mean score", "Errors", "Judge cost", "Last run", ""]}>
            {rules.data.map((r) => (
              <tr key={r.id} data-testid="online-eval-row" className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <Td>
                  <div className="flex items-center gap-2 font-medium">{r.name} {!r.enabled && <Badge>paused</Badge>}</div>
                  <div className="max-w-80 truncate text-xs text-zinc-500">{r.evaluator.type} · {filterText(r)}</div>
                </Td>
                <Td className="tabular-nums">{r.sampleRate} %</Td>
                <Td className="tabular-nums"><Link className="text-indigo-700 hover:underline dark:text-indigo-400" href={explore(r)}>{r.stats.evaluated}</Link></Td>
                <Td className="tabular-nums">{r.stats.meanScore === null ? "–" : r.stats.meanScore.toFixed(2)}</Td>
                <Td className="tabular-nums">{r.stats.errors ? <span className="text-red-600" title={r.stats.lastError ?? undefined}>{r.stats.errors}</span> : 0}</Td>
                <Td className="tabular-nums">
                  {r.stats.judgeCalls ? formatCost(r.stats.cost) : "–"}
                  {r.stats.escalated > 0 && <span className="block text-xs text-zinc-500" title="Evaluations whose cheap pass was uncertain and went to the strong model">{r.stats.escalated} escalated ({Math.round((r.stats.escalationRate ?? 0) * 100)} %)</span>}
                </Td>
                <Td className="whitespace-nowrap text-xs text-zinc-500">{r.stats.lastRunAt ? <span title={formatDateTime(r.stats.lastRunAt)}>{formatRelative(r.stats.lastRunAt)}</span> : "not yet"}</Td>
                <Td className="whitespace-nowrap text-right">
                  {canManage && (
                    <>
                      <Button variant="ghost" size="sm" disabled={update.isPending} onClick={() => update.mutate({ ruleId: r.id, changes: { enabled: !r.enabled } })}>{r.enabled ? "Pause" : "Resume"}</Button>
                      <Button variant="ghost" size="sm" onClick={() => setEditing(r)}>Edit</Button>
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      {canManage && <RuleDialog projectId={projectId} open={editing !== null} onOpenChange={(o) => !o && setEditing(null)} rule={editing === "new" || editing === null ? undefined : editing} />}
    </div>
  );
}
