"use client";
import { Bird, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { formatPercent } from "@/lib/format/format-percent";
import { useCanariesQuery } from "@/lib/queries/prompts/use-canaries-query";
import { usePromptQuery } from "@/lib/queries/prompts/use-prompt-query";
import { canaryStatusView } from "./prepare-canary";
import { StartCanaryDialog } from "./start-canary-dialog";

/**
 * A prompt's canaries (active first) with a "Start canary" dialog; each row opens the canary
 * page. Mounted by the prompt page's Canaries tab and by …/prompts/[promptId]/canaries.
 * `canManage`: the member may start, promote and end canaries (prompts:propose).
 */
export function PromptCanariesPanel({ projectId, promptId, canManage }: { projectId: string; promptId: string; canManage: boolean }) {
  const canaries = useCanariesQuery(projectId, promptId);
  const prompt = usePromptQuery(projectId, promptId);
  const [starting, setStarting] = useState(false);
  const href = (id: string) => `/project/${projectId}/prompts/${promptId}/canaries/${id}`;
  return (
    <Card
      title="Canaries"
      description="A version for a share of one label's calls, compared with the label's version before the label moves."
      actions={canManage && prompt.data && (
        <Button size="sm" className="shrink-0 whitespace-nowrap" onClick={() => setStarting(true)}><Plus className="h-3.5 w-3.5" aria-hidden /> Start canary</Button>
      )}
    >
      {canaries.isPending ? <Skeleton className="h-16 w-full" /> : canaries.isError ? <FieldError>{canaries.error.message}</FieldError> : canaries.data.length === 0 ? (
        <EmptyState title="No canaries yet">
          <Bird className="mx-auto mb-1 h-5 w-5 text-zinc-400" aria-hidden />
          Try a new version on, say, 10 % of production&apos;s calls, with a guard that ends it if errors rise.
        </EmptyState>
      ) : (
        <Table head={["Canary", "Label", "Share", "Status", "Started", ""]}>
          {canaries.data.map((c) => {
            const status = canaryStatusView(c);
            return (
              <tr key={c.id} data-testid="canary-list-row">
                <Td><Link className="font-medium text-indigo-700 hover:underline dark:text-indigo-400" href={href(c.id)}>v{c.canaryVersion} vs v{c.baseVersion}</Link></Td>
                <Td><Badge>{c.label}</Badge></Td>
                <Td className="tabular-nums">{formatPercent(c.percent)}</Td>
                <Td>
                  <Badge tone={status.tone}>{status.label}</Badge>
                  {status.detail && <div className="mt-0.5 max-w-sm truncate text-xs text-zinc-500" title={status.detail}>{status.detail}</div>}
                </Td>
                <Td className="whitespace-nowrap text-xs text-zinc-500"><span title={formatDateTime(c.startedAt)}>{formatRelative(c.startedAt)}</span></Td>
                <Td className="text-right"><Link className="text-xs text-indigo-700 hover:underline dark:text-indigo-400" href={href(c.id)}>Compare →</Link></Td>
              </tr>
            );
          })}
        </Table>
      )}
      {starting && prompt.data && <StartCanaryDialog projectId={projectId} prompt={prompt.data} open={starting} onOpenChange={setStarting} />}
    </Card>
  );
}
