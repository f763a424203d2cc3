"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, Skeleton } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { useQueuesQuery } from "@/lib/queries/annotation/use-queues-query";
import { QueueFormDialog } from "./queue-form-dialog";

/** Annotators: the queues assigned to them. Leads: every queue, with statistics and a create button. */
export function QueuesClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const queues = useQueuesQuery(projectId);
  const [creating, setCreating] = useState(false);
  const router = useRouter();
  const base = `/project/${projectId}/annotate`;
  return (
    <div className="space-y-4">
      <header className="flex items-center justify-between">
        <div>
          <h1 className="text-lg font-semibold">Annotation</h1>
          <p className="text-sm text-zinc-500">{canManage ? "Preference-pair queues: judgments, agreement, adjudication and DPO/KTO export." : "Your queues. Open one and judge with the keyboard."}</p>
        </div>
        {canManage && <Button onClick={() => setCreating(true)}>New queue</Button>}
      </header>
      {queues.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : queues.isError ? (
        <EmptyState title="Could not load queues">{queues.error.message}</EmptyState>
      ) : !queues.data.length ? (
        <EmptyState title="No queues yet">{canManage ? "Create one, then add pairs." : "When a lead assigns you to a queue it appears here."}</EmptyState>
      ) : (
        <Table head={["Queue", "k", "Pairs", "Progress", "Mine", ""]}>
            {queues.data.map((q) => (
              <tr key={q.id} data-testid="queue-row">
                <Td className="font-medium">{q.assigned ? <Link className="text-indigo-600 hover:underline" href={`${base}/${q.id}`}>{q.name}</Link> : q.name} {q.kind === "items" && <Badge tone="indigo">ratings</Badge>}</Td>
                <Td className="tabular-nums">{q.judgmentsPerPair}</Td>
                <Td className="tabular-nums">{q.pairs}</Td>
                <Td className="tabular-nums">{q.wanted ? `${Math.round(((q.done ?? 0) / q.wanted) * 100)}%` : "—"}</Td>
                <Td className="tabular-nums">{q.mine}</Td>
                <Td className="space-x-2 text-right">
                  {q.assigned && <Link className="text-sm text-indigo-600 hover:underline" href={`${base}/${q.id}`}>Judge</Link>}
                  {canManage && <Link className="text-sm text-indigo-600 hover:underline" href={`${base}/${q.id}/stats`}>Statistics</Link>}
                  {canManage && !q.assigned && <Badge>not assigned to you</Badge>}
                </Td>
              </tr>
            ))}
        </Table>
      )}
      {canManage && <QueueFormDialog projectId={projectId} open={creating} onOpenChange={setCreating} onCreated={(id) => router.push(`${base}/${id}/stats`)} />}
    </div>
  );
}
