"use client";
import { Plug } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { LlmConnectionRow } from "@/lib/queries/llm-connections/keys";
import { useDeleteLlmConnection } from "@/lib/queries/llm-connections/use-delete-llm-connection";
import { useLlmConnectionsQuery } from "@/lib/queries/llm-connections/use-llm-connections-query";
import { ConnectionDialog } from "./connection-dialog";
import { TestConnectionButton } from "./test-connection-button";

export function LlmConnectionsClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const connections = useLlmConnectionsQuery(projectId);
  const remove = useDeleteLlmConnection(projectId);
  const [dialog, setDialog] = useState<{ editing: LlmConnectionRow | null } | null>(null);

  function onDelete(c: LlmConnectionRow) {
    if (!window.confirm(`Delete ${c.name}? Runs and judges that use it will fail until another connection is chosen.`)) return;
    remove.mutate(c.id, { onSuccess: () => toast.success("Connection deleted"), onError: (e) => toast.error(e.message) });
  }

  return (
    <Card
      title="LLM connections"
      description="OpenAI-compatible endpoints that regression runs and LLM judges call. Keys and header values are stored encrypted and never shown again."
      actions={canManage && (
        <Button size="sm" className="whitespace-nowrap" onClick={() => setDialog({ editing: null })}>
          <Plug className="h-3.5 w-3.5" /> Add connection
        </Button>
      )}
    >
      {connections.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading LLM connections">
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-4/6" />
        </div>
      ) : connections.isError ? (
        <FieldError>{connections.error.message}</FieldError>
      ) : connections.data.length === 0 ? (
        <EmptyState title="No LLM connections yet">
          {canManage ? "Add one (OpenAI, Azure, a gateway, a local server…) to run prompts over golden sets and to judge outputs." : "An engineer or admin can add one."}
        </EmptyState>
      ) : (
        <Table head={["Name", "Base URL", "Key", "Models", "Updated", ""]}>
          {connections.data.map((c) => (
            <tr key={c.id} data-testid="llm-connection-row">
              <Td className="font-medium">{c.name}</Td>
              <Td className="max-w-64 truncate font-mono text-xs" >{c.baseUrl}</Td>
              <Td className="whitespace-nowrap text-xs text-zinc-500">
                {c.hasApiKey ? <Badge tone="green">set{c.apiKeyHint ? ` ${c.apiKeyHint}` : ""}</Badge> : <Badge>none</Badge>}
                {c.headerNames.length > 0 && <span className="ml-1" title={c.headerNames.join(", ")}>+{c.headerNames.length} headers</span>}
              </Td>
              <Td className="max-w-48 truncate text-xs">{c.models.length ? c.models.join(", ") : <span className="text-zinc-400">—</span>}</Td>
              <Td className="whitespace-nowrap text-zinc-500"><span title={formatDateTime(c.updatedAt)}>{formatRelative(c.updatedAt)}</span></Td>
              <Td className="text-right">
                {canManage && (
                  <div className="flex items-center justify-end gap-2">
                    <TestConnectionButton projectId={projectId} connection={c} />
                    <Button size="sm" variant="secondary" onClick={() => setDialog({ editing: c })}>Edit</Button>
                    <Button size="sm" variant="danger" disabled={remove.isPending} onClick={() => onDelete(c)}>Delete</Button>
                  </div>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {canManage && dialog && (
        <ConnectionDialog key={dialog.editing?.id ?? "new"} projectId={projectId} editing={dialog.editing} open onOpenChange={(open) => !open && setDialog(null)} />
      )}
    </Card>
  );
}
