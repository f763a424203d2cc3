"use client";
import { Bird, Siren, Undo2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/input";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { LabelMove, PromptDetail } from "@/lib/queries/prompts/keys";
import { useLabelHistoryQuery } from "@/lib/queries/prompts/use-label-history-query";
import { LabelBadge } from "./label-badges";
import { orderLabels } from "./prompt-list-model";
import { RollbackDialog } from "./rollback-dialog";

type Props = { projectId: string; detail: PromptDetail; label: string | null; canRollback: boolean; nameOf: (id: string | null, key?: string | null) => string; onLabel: (label: string) => void };

const KIND: Record<LabelMove["kind"], string> = { merge: "merged", rollback: "rolled back", canary_promote: "canary promoted", initial: "created" };

/** Each label → its version, and the selected label's moves with "Roll back" for owners and admins. */
export function LabelsTab({ projectId, detail, label, canRollback, nameOf, onLabel }: Props) {
  const stored = orderLabels(detail.labels.filter((l) => !l.virtual));
  const selected = label && stored.some((l) => l.label === label) ? label : stored[0]?.label ?? "";
  const history = useLabelHistoryQuery(projectId, detail.prompt.id, selected);
  const [rollingBack, setRollingBack] = useState(false);
  if (!stored.length) return <Card><EmptyState title="No labels yet">Propose a version for <code>production</code> or <code>staging</code>; the label is created when the request merges. <code>latest</code> always follows the newest version.</EmptyState></Card>;
  const base = `/project/${projectId}/prompts/${detail.prompt.id}`;
  return (
    <div className="grid gap-4 xl:grid-cols-[20rem_minmax(0,1fr)]">
      <Card className="self-start" title="Labels" description="latest always follows the newest version">
        <ul className="-m-2 space-y-0.5">
          {stored.map((l) => (
            <li key={l.label}>
              <button type="button" onClick={() => onLabel(l.label)} aria-selected={l.label === selected} data-testid="label-row" className={cn("block w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50", l.label === selected && "bg-indigo-50/70 dark:bg-indigo-950/40")}>
                <span className="flex items-center gap-2">
                  <LabelBadge label={l.label} version={l.version} canary={l.canary} />
                  {l.updatedAt && <span className="ml-auto whitespace-nowrap text-xs text-zinc-400" title={formatDateTime(l.updatedAt)}>moved {formatRelative(l.updatedAt)}</span>}
                </span>
                {l.canary && <span className="mt-0.5 block text-xs text-zinc-500"><Bird className="inline size-3 align-[-2px]" /> canary: v{l.canary.version} for {l.canary.percent}% of calls</span>}
              </button>
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title={<>History of <code>{selected}</code></>}
        description={history.data ? `now v${history.data.version}, revision ${history.data.revision}` : undefined}
        actions={canRollback && history.data && (
          <Button size="sm" variant="danger" disabled={!history.data.rollbackTargets.length} onClick={() => setRollingBack(true)} title={history.data.rollbackTargets.length ? "Emergency: move the label back without approvals" : "No earlier version held this label"}>
            <Undo2 className="size-3.5" /> Roll back…
          </Button>
        )}
      >
        {history.isPending ? <Skeleton className="h-32 w-full" /> : history.isError ? <FieldError>{history.error.message}</FieldError> : (
          <ol className="space-y-2" data-testid="label-moves">
            {history.data.moves.map((m) => (
              <li key={m.id} data-testid="label-move" data-kind={m.kind} className={cn("rounded-md border px-3 py-2 text-sm", m.emergency ? "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/30" : "border-zinc-200 dark:border-zinc-800")}>
                <div className="flex flex-wrap items-center gap-2">
                  {m.emergency ? <Badge tone="red"><Siren className="mr-1 size-3" />rollback</Badge> : <Badge tone={m.kind === "merge" ? "green" : "indigo"}>{KIND[m.kind]}</Badge>}
                  <span className="font-mono tabular-nums">{m.fromVersion ? `v${m.fromVersion}` : "—"} → v{m.toVersion}</span>
                  <span className="text-zinc-500">by {nameOf(m.actorUserId, m.actorApiKey)}</span>
                  {m.changeRequestId && <Link className="text-xs text-indigo-700 hover:underline dark:text-indigo-400" href={`${base}/change-requests/${m.changeRequestId}`}>change request</Link>}
                  <span className="ml-auto whitespace-nowrap text-xs text-zinc-500" title={formatDateTime(m.createdAt)}>{formatRelative(m.createdAt)}</span>
                </div>
                {m.reason && <p className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">“{m.reason}”</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {history.data && (
        <RollbackDialog projectId={projectId} promptId={detail.prompt.id} label={selected} current={history.data.version} targets={history.data.rollbackTargets} open={rollingBack} onOpenChange={setRollingBack} />
      )}
    </div>
  );
}
