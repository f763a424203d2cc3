"use client";
import { GitMerge, GitPullRequestClosed, RefreshCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { useDatasetsQuery } from "@/lib/queries/datasets/use-datasets-query";
import { useChangeRequestQuery } from "@/lib/queries/prompts/use-change-request-query";
import { usePromptDiffQuery } from "@/lib/queries/prompts/use-prompt-diff-query";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { ChangeRequestStatus } from "./change-requests-tab";
import { GateStatusCard } from "./gate-status";
import { gateDatasetName } from "./policies/prepare-run-gate";
import { PolicyStatus } from "./policy-status";
import { ReviewThread } from "./review-thread";
import { useMemberNames } from "./use-member-names";
import { TemplateView } from "./version-content";
import { VersionDiff } from "./version-diff";

type Props = { projectId: string; promptId: string; changeRequestId: string; currentUserId: string; canReview: boolean; canPropose: boolean; canOverrideGate: boolean };

/** A change request: the diff against the label's version, the policy's verdict, the reviews, and Merge / Rebase / Close. */
export function ChangeRequestClient({ projectId, promptId, changeRequestId, currentUserId, canReview, canPropose, canOverrideGate }: Props) {
  const query = useChangeRequestQuery(projectId, promptId, changeRequestId);
  const nameOf = useMemberNames(projectId);
  const datasets = useDatasetsQuery(projectId);
  const { merge, rebase, close } = usePromptMutations(projectId);
  const cr = query.data?.changeRequest;
  // Stale: compare with where the label points now, not where it pointed when the request was opened.
  const current = cr?.stale && cr.labelVersion ? cr.labelVersion : null;
  const against = usePromptDiffQuery(projectId, promptId, current ?? 0, current ? cr!.version : 0);
  const ref = { promptId, changeRequestId };
  const act = (what: Promise<unknown>, done: string) => what.then(() => toast.success(done), (e: Error) => toast.error(e.message));

  if (query.isError) return <FieldError>{query.error.message}</FieldError>;
  if (!query.data || !cr) return <Skeleton className="h-96 w-full" />;
  const { prompt, proposed, base, reviews } = query.data;
  const fromVersion = current ? against.data?.from : base;
  const fromNumber = current ?? cr.baseVersion;
  const open = cr.status === "open";
  const error = merge.error ?? rebase.error ?? close.error;
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/project/${projectId}/prompts/${promptId}?tab=changes`} className="text-xs text-zinc-500 hover:underline">← <span className="font-mono">{prompt.name}</span> · change requests</Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold" data-testid="change-request-title">
              <span>Ship <span className="font-mono">v{cr.version}</span> to <code className="rounded bg-zinc-100 px-1.5 dark:bg-zinc-800">{cr.label}</code></span>
              <ChangeRequestStatus cr={cr} />
            </h1>
            <p className="text-sm text-zinc-500">
              {nameOf(cr.authorId, cr.authorApiKey)} opened it <span title={formatDateTime(cr.createdAt)}>{formatRelative(cr.createdAt)}</span>
              {cr.status === "merged" && cr.mergedAt && <> · merged by {nameOf(cr.mergedById)} {formatRelative(cr.mergedAt)}</>}
              {cr.status === "closed" && cr.closedAt && <> · closed {formatRelative(cr.closedAt)}</>}
            </p>
            {cr.description && <p className="mt-1 max-w-3xl whitespace-pre-wrap text-sm">{cr.description}</p>}
          </div>
          {open && (
            <div className="flex gap-2">
              {canReview && <Button variant="secondary" disabled={close.isPending} onClick={() => act(close.mutateAsync(ref), "Change request closed")}><GitPullRequestClosed className="size-4" /> Close</Button>}
              {canReview && (
                <Button disabled={!cr.mergeable || merge.isPending} title={cr.mergeable ? `Move ${cr.label} to v${cr.version}` : "The policy does not hold yet"} onClick={() => act(merge.mutateAsync(ref), `${cr.label} now points at v${cr.version}`)}>
                  <GitMerge className="size-4" /> {merge.isPending ? "Merging…" : "Merge"}
                </Button>
              )}
            </div>
          )}
        </div>
      </div>
      {cr.stale && open && (
        <div role="alert" data-testid="stale-banner" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <TriangleAlert className="size-4 shrink-0" />
          <span className="flex-1">
            <strong>Stale:</strong> {cr.label} has moved since this request was opened on v{cr.baseVersion ?? "—"}
            {cr.labelVersion === cr.baseVersion ? ` (it is back on v${cr.labelVersion})` : `; it now points at v${cr.labelVersion}`}. Rebase to review against where it points now; approvals start over.
          </span>
          {canPropose && <Button size="sm" variant="secondary" disabled={rebase.isPending} onClick={() => act(rebase.mutateAsync(ref), "Rebased: reviewers see the new diff")}><RefreshCw className="size-3.5" /> Rebase</Button>}
        </div>
      )}
      <FieldError>{error?.message}</FieldError>
      <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
        <Card className="self-start" title={fromNumber ? <>Diff: {cr.label} <span className="font-mono">v{fromNumber}</span> → proposed <span className="font-mono">v{cr.version}</span></> : <>New label: proposed <span className="font-mono">v{cr.version}</span></>}>
          {!proposed ? <p className="text-sm text-zinc-500">The proposed version is not available.</p> : fromVersion ? (
            <VersionDiff from={fromVersion} to={proposed} fromLabel={`${cr.label} now: v${fromNumber}`} toLabel={`proposed: v${cr.version}`} />
          ) : fromNumber ? <Skeleton className="h-64 w-full" /> : <TemplateView template={proposed.template} />}
        </Card>
        <div className="space-y-4">
          <PolicyStatus cr={cr} currentUserId={currentUserId} nameOf={nameOf} datasetName={(gate) => gateDatasetName(gate, datasets.data)} />
          <GateStatusCard projectId={projectId} promptId={promptId} cr={cr} canOverride={canOverrideGate} nameOf={nameOf} />
          <ReviewThread projectId={projectId} promptId={promptId} changeRequestId={changeRequestId} reviews={reviews} round={cr.round} open={open} canReview={canReview} nameOf={nameOf} />
        </div>
      </div>
    </div>
  );
}
