"use client";
import { GitMerge, GitPullRequest, GitPullRequestClosed } from "lucide-react";
import Link from "next/link";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/input";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { ChangeRequest, PromptDetail } from "@/lib/queries/prompts/keys";
import { useChangeRequestsQuery } from "@/lib/queries/prompts/use-change-requests-query";

type Status = "open" | "merged" | "closed" | "all";
type Props = { projectId: string; detail: PromptDetail; status: Status; nameOf: (id: string | null, key?: string | null) => string; hrefFor: (status: Status) => string };

export function ChangeRequestStatus({ cr }: { cr: Pick<ChangeRequest, "status" | "stale"> }) {
  if (cr.status === "merged") return <Badge tone="indigo"><GitMerge className="mr-1 size-3" />merged</Badge>;
  if (cr.status === "closed") return <Badge><GitPullRequestClosed className="mr-1 size-3" />closed</Badge>;
  return cr.stale ? <Badge tone="amber">stale</Badge> : <Badge tone="green"><GitPullRequest className="mr-1 size-3" />open</Badge>;
}

/** A prompt's change requests by status (`?status=`), with approvals counted against the policy. */
export function ChangeRequestsTab({ projectId, detail, status, nameOf, hrefFor }: Props) {
  const list = useChangeRequestsQuery(projectId, detail.prompt.id, status);
  const base = `/project/${projectId}/prompts/${detail.prompt.id}/change-requests`;
  return (
    <Card
      title="Change requests"
      actions={
        <div className="flex gap-1 text-sm" role="group" aria-label="Status">
          {(["open", "merged", "closed", "all"] as const).map((s) => (
            <Link key={s} href={hrefFor(s)} scroll={false} aria-current={s === status ? "true" : undefined} className={cn("rounded-md px-2 py-0.5", s === status ? "bg-zinc-200/70 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800")}>{s}</Link>
          ))}
        </div>
      }
    >
      {list.isPending ? <Skeleton className="h-24 w-full" /> : list.isError ? <FieldError>{list.error.message}</FieldError> : list.data.length === 0 ? (
        <EmptyState title={`No ${status === "all" ? "" : `${status} `}change requests`}>Edit the prompt and choose “Propose for …” to ask for a label to move.</EmptyState>
      ) : (
        <ul className="-m-4 divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="change-request-list">
          {list.data.map((cr) => (
            <li key={cr.id}>
              <Link href={`${base}/${cr.id}`} data-testid="change-request-row" className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <ChangeRequestStatus cr={cr} />
                <span className="font-medium"><span className="font-mono">v{cr.version}</span> → <code>{cr.label}</code></span>
                {cr.baseVersion && <span className="text-xs text-zinc-500">from v{cr.baseVersion}</span>}
                {cr.approvals && cr.status === "open" && <span className={cn("text-xs tabular-nums", cr.approvals.satisfied ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500")}>{cr.approvals.approvedBy.length}/{cr.approvals.required} approvals</span>}
                {cr.description && <span className="min-w-0 flex-1 truncate text-sm text-zinc-600 dark:text-zinc-400">{cr.description}</span>}
                <span className="ml-auto whitespace-nowrap text-xs text-zinc-500" title={formatDateTime(cr.createdAt)}>{nameOf(cr.authorId, cr.authorApiKey)} · {formatRelative(cr.createdAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
