"use client";
import { CheckCircle2, CircleDashed, FlaskConical, ShieldAlert, XCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import type { ChangeRequest, GateStatus } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";

type Props = { projectId: string; promptId: string; cr: ChangeRequest; canOverride: boolean; nameOf: (id: string | null) => string };

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)} %`);

const STATE: Record<GateStatus["state"], { label: string; icon: typeof CheckCircle2; tone: string }> = {
  off: { label: "not required", icon: CircleDashed, tone: "text-zinc-500" },
  pending: { label: "runs in progress", icon: CircleDashed, tone: "text-amber-700 dark:text-amber-300" },
  passed: { label: "passed", icon: CheckCircle2, tone: "text-emerald-700 dark:text-emerald-400" },
  failed: { label: "failed: blocks the merge", icon: XCircle, tone: "text-red-700 dark:text-red-400" },
  overridden: { label: "overridden", icon: ShieldAlert, tone: "text-red-700 dark:text-red-400" },
};

/** The regression gate: the proposed version's run against the label's current version, and the emergency override. */
export function GateStatusCard({ projectId, promptId, cr, canOverride, nameOf }: Props) {
  const gate = cr.gate;
  const { overrideGate } = usePromptMutations(projectId);
  const [reason, setReason] = useState("");
  if (!gate?.required) return null;
  const { label, icon: Icon, tone } = STATE[gate.state];
  const runLink = (id: string | null, text: string) => (id ? <Link className="text-indigo-600 hover:underline" href={`/project/${projectId}/runs/${id}`}>{text}</Link> : <span>{text}</span>);
  const overridable = canOverride && cr.status === "open" && (gate.state === "failed" || gate.state === "pending");
  const submit = () =>
    overrideGate.mutate({ promptId, changeRequestId: cr.id, reason }, { onSuccess: () => { setReason(""); toast.success("Gate overridden; the override is in the audit log"); } });
  return (
    <Card title={<span className="flex items-center gap-1.5"><FlaskConical className="size-4" /> Regression gate</span>} description="A passing run over the golden set, and no drop against the label's current version">
      <div className="space-y-3 text-sm" data-testid="gate-status">
        <p className={`flex items-center gap-1.5 font-medium ${tone}`}><Icon className="size-4" /> {label}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-zinc-500">Proposed v{cr.version}</dt><dd>{runLink(gate.runId, `pass rate ${pct(gate.passRate)}`)}{gate.minPassRate !== null && <span className="text-zinc-500"> (at least {pct(gate.minPassRate)})</span>}</dd>
          <dt className="text-zinc-500">Current{cr.baseVersion ? ` v${cr.baseVersion}` : ""}</dt><dd>{runLink(gate.baselineRunId, `pass rate ${pct(gate.baselinePassRate)}`)}</dd>
          {gate.scores?.map((s) => (
            <div key={s.evaluator} className="contents" data-testid="gate-score">
              <dt className="font-mono text-zinc-500">{s.evaluator}</dt>
              <dd className={`tabular-nums ${s.met ? "" : "text-red-700 dark:text-red-400"}`}>
                mean {s.mean === null ? "—" : s.mean.toFixed(3)}{s.min !== null && <span className="text-zinc-500"> (at least {s.min})</span>}
                {s.drop !== null && <> · {s.drop > 0 ? `−${s.drop.toFixed(3)}` : `+${(-s.drop).toFixed(3)}`} vs current{s.maxDrop !== null && <span className="text-zinc-500"> (a drop of at most {s.maxDrop})</span>}</>}
              </dd>
            </div>
          ))}
          {gate.dropPoints !== null && <><dt className="text-zinc-500">Change</dt><dd className="tabular-nums">{gate.dropPoints > 0 ? `−${gate.dropPoints.toFixed(1)}` : `+${(-gate.dropPoints).toFixed(1)}`} points{gate.maxDropPoints !== null && <span className="text-zinc-500"> (a drop of at most {gate.maxDropPoints} allowed)</span>}</dd></>}
        </dl>
        {gate.override && (
          <p className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            Overridden by {nameOf(gate.override.byId)}: {gate.override.reason}
          </p>
        )}
        {overridable && (
          <div className="space-y-1.5 border-t border-zinc-200 pt-2 dark:border-zinc-800">
            <label className="block text-xs text-zinc-500" htmlFor="gate-override-reason">Emergency override (owners and admins; audited)</label>
            <textarea id="gate-override-reason" className="w-full rounded border border-zinc-300 bg-white p-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Why ship without a passing run?" />
            <Button size="sm" variant="danger" disabled={!reason.trim() || overrideGate.isPending} onClick={submit}>Override the gate</Button>
            {overrideGate.error && <FieldError>{overrideGate.error.message}</FieldError>}
          </div>
        )}
      </div>
    </Card>
  );
}
