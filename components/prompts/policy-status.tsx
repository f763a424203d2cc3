import { CheckCircle2, CircleDashed, ShieldCheck, XCircle } from "lucide-react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ChangeRequest, RunGate } from "@/lib/queries/prompts/keys";
import { describeRunGate } from "./policies/prepare-run-gate";

type Props = { cr: ChangeRequest; currentUserId: string; nameOf: (id: string | null) => string; datasetName?: (gate: RunGate) => string };

/** The label's policy and how this request stands against it: approvals counted / required, who may approve, blockers. */
export function PolicyStatus({ cr, currentUserId, nameOf, datasetName = () => "a golden set" }: Props) {
  const { policy, approvals } = cr;
  if (!policy || !approvals) return null;
  const who = [...policy.approverRoles.map((r) => `${r}s`), ...policy.approverUserIds.map((id) => nameOf(id))].join(", ") || "nobody";
  const isAuthor = cr.authorId === currentUserId;
  const done = approvals.approvedBy.length >= approvals.required;
  return (
    <Card title={<span className="flex items-center gap-1.5"><ShieldCheck className="size-4" /> Policy for <code>{cr.label}</code></span>} description={policy.source === "prompt" ? "set on this prompt" : policy.source === "project" ? "the project default" : "built-in default"}>
      <div className="space-y-3 text-sm" data-testid="policy-status">
        <div className="flex items-center gap-2">
          {done ? <CheckCircle2 className="size-4 text-emerald-600" /> : <CircleDashed className="size-4 text-zinc-400" />}
          <span data-testid="approval-count" className="tabular-nums"><strong>{approvals.approvedBy.length}</strong> of <strong>{approvals.required}</strong> approval{approvals.required === 1 ? "" : "s"}</span>
        </div>
        {approvals.approvedBy.length > 0 && <p className="text-xs text-zinc-500">Approved by {approvals.approvedBy.map((id) => nameOf(id)).join(", ")}</p>}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-zinc-500">Who may approve</dt><dd>{who}</dd>
          <dt className="text-zinc-500">Self-approval</dt><dd>{policy.allowSelfApproval ? "allowed" : "off: the author and the version's author cannot approve"}</dd>
          <dt className="text-zinc-500">Request changes</dt><dd>blocks until that reviewer approves</dd>
          {policy.autoMerge && <><dt className="text-zinc-500">Auto-merge</dt><dd>merges as soon as the policy holds</dd></>}
          {policy.requirePassingRun && <><dt className="text-zinc-500">Regression run</dt><dd data-testid="policy-run-gate">{policy.runGate ? `required: ${describeRunGate(policy.runGate, datasetName)}` : "required, but no gate is configured"}</dd></>}
        </dl>
        {isAuthor && !policy.allowSelfApproval && cr.status === "open" && <p className="rounded bg-zinc-100 px-2 py-1 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">You opened this request, so your approval does not count.</p>}
        {cr.status === "open" && (
          <ul className="space-y-1" data-testid="policy-blockers">
            {cr.stale && <Blocker text="the label moved since this request was opened: rebase it" />}
            {approvals.blockers.map((b) => <Blocker key={b} text={b} />)}
            {!cr.stale && approvals.satisfied && <li className="flex items-center gap-1.5 text-emerald-700 dark:text-emerald-400"><CheckCircle2 className="size-3.5" /> The policy holds: ready to merge</li>}
          </ul>
        )}
      </div>
    </Card>
  );
}

function Blocker({ text }: { text: string }) {
  return <li className={cn("flex items-start gap-1.5 text-amber-800 dark:text-amber-300")}><XCircle className="mt-0.5 size-3.5 shrink-0" /> {text}</li>;
}
