"use client";
import { toast } from "sonner";
import { ValueView } from "@/components/traces/detail/chat-view";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, Skeleton } from "@/components/ui/card";
import { CHOICE_LABEL, type Choice, type DisputedPair } from "@/lib/queries/annotation/keys";
import { useAnnotationMutations } from "@/lib/queries/annotation/use-annotation-mutations";
import { useDisagreementsQuery } from "@/lib/queries/annotation/use-disagreements-query";
import { SafeMarkdown } from "./markdown";

const CHOICES: Choice[] = ["A", "B", "tie", "both_bad"];

/** Pairs where annotators disagree, with every judgment and rationale; the lead sets the final label. */
export function AdjudicationList({ projectId, queueId }: { projectId: string; queueId: string }) {
  const pairs = useDisagreementsQuery(projectId, queueId);
  if (pairs.isPending) return <Skeleton className="h-32 w-full" />;
  if (pairs.isError) return <EmptyState title="Could not load disagreements">{pairs.error.message}</EmptyState>;
  if (!pairs.data.length) return <EmptyState title="No disagreements">Every judged pair so far has annotators in agreement.</EmptyState>;
  return (
    <div className="space-y-3">
      {pairs.data.map((p) => <DisputedPairCard key={p.id} projectId={projectId} queueId={queueId} pair={p} />)}
    </div>
  );
}

function DisputedPairCard({ projectId, queueId, pair }: { projectId: string; queueId: string; pair: DisputedPair }) {
  const { adjudicate } = useAnnotationMutations(projectId);
  const set = (choice: Choice | null) =>
    adjudicate.mutate({ queueId, pairId: pair.id, choice }, { onSuccess: () => toast.success(choice ? `Final label: ${CHOICE_LABEL[choice]}` : "Adjudication cleared"), onError: (e) => toast.error(e.message) });
  return (
    <article className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" data-testid="disputed-pair">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        <span className="font-mono">{pair.id}</span>
        {pair.promptVersions.length > 0 && <span>{pair.promptVersions.join(" vs ")}</span>}
        {pair.final.choice ? <Badge tone={pair.final.by === "adjudication" ? "indigo" : "green"}>final: {CHOICE_LABEL[pair.final.choice]} ({pair.final.by})</Badge> : <Badge tone="amber">undecided</Badge>}
      </div>
      <div className="mb-2 max-h-40 overflow-y-auto"><ValueView value={pair.prompt} defaultRole="user" /></div>
      <div className="mb-2 grid grid-cols-2 gap-3">
        <div className="rounded border border-zinc-200 p-2 dark:border-zinc-800"><p className="mb-1 text-xs font-semibold">A</p><div className="max-h-48 overflow-y-auto"><SafeMarkdown text={pair.responseA} /></div></div>
        <div className="rounded border border-zinc-200 p-2 dark:border-zinc-800"><p className="mb-1 text-xs font-semibold">B</p><div className="max-h-48 overflow-y-auto"><SafeMarkdown text={pair.responseB} /></div></div>
      </div>
      <ul className="mb-2 space-y-1 text-sm" aria-label="Judgments">
        {pair.judgments.map((j, i) => (
          <li key={i} data-testid="judgment" className="flex gap-2">
            <span className="w-56 shrink-0 truncate text-zinc-600">{j.annotator}</span>
            <Badge>{CHOICE_LABEL[j.choice]}</Badge>
            {/* Rationale is the annotator's text: shown as text, never as markup. */}
            <span className="whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300" data-testid="rationale-text">{j.rationale ?? ""}</span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-500">Final label:</span>
        {CHOICES.map((c) => (
          <Button key={c} size="sm" variant={pair.adjudicatedChoice === c ? "primary" : "secondary"} disabled={adjudicate.isPending} onClick={() => set(c)} data-testid={`adjudicate-${c}`}>
            {CHOICE_LABEL[c]}
          </Button>
        ))}
        {pair.adjudicatedChoice && <Button size="sm" variant="ghost" onClick={() => set(null)}>Clear</Button>}
      </div>
    </article>
  );
}
