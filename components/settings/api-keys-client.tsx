"use client";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, Skeleton } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { Table, Td } from "@/components/ui/table";
import { useApiKeysQuery } from "@/lib/queries/api-keys/use-api-keys-query";
import { useRevokeApiKey } from "@/lib/queries/api-keys/use-revoke-api-key";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

export function ApiKeysClient({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const keys = useApiKeysQuery(projectId);
  const revoke = useRevokeApiKey(projectId);
  const [open, setOpen] = useState(false);

  function onRevoke(id: string, publicKey: string) {
    if (!window.confirm(`Revoke ${publicKey}? Applications using it will be rejected immediately.`)) return;
    revoke.mutate(id, { onSuccess: () => toast.success("Key revoked"), onError: (e) => toast.error(e.message) });
  }

  return (
    <Card
      title="API keys"
      description="Secret keys (sk-…) send traces and read prompts; public keys (pk-…) may only send feedback from browsers."
      actions={canManage && (
        <Button size="sm" className="whitespace-nowrap" onClick={() => setOpen(true)}>
          <KeyRound className="h-3.5 w-3.5" /> Create API key
        </Button>
      )}
    >
      {keys.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading API keys">
          <Skeleton className="h-6 w-full" />
          <Skeleton className="h-6 w-5/6" />
        </div>
      ) : keys.isError ? (
        <FieldError>{keys.error.message}</FieldError>
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one to send traces from your application or an OpenTelemetry exporter.</EmptyState>
      ) : (
        <Table head={["Public key", "Secret", "Note", "Created", "Last used", "", ""]}>
          {keys.data.map((k) => (
            <tr key={k.id} data-testid="api-key-row">
              <Td className="font-mono text-xs">{k.publicKey}</Td>
              <Td className="font-mono text-xs text-zinc-500">{k.displaySecret}</Td>
              <Td>{k.note ?? <span className="text-zinc-400">—</span>}</Td>
              <Td className="whitespace-nowrap text-zinc-500" >
                <span title={formatDateTime(k.createdAt)}>{formatRelative(k.createdAt)}</span>
              </Td>
              <Td className="whitespace-nowrap text-zinc-500">{k.lastUsedAt ? <span title={formatDateTime(k.lastUsedAt)}>{formatRelative(k.lastUsedAt)}</span> : "never"}</Td>
              <Td>{k.revokedAt ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}</Td>
              <Td className="text-right">
                {canManage && !k.revokedAt && (
                  <Button size="sm" variant="danger" onClick={() => onRevoke(k.id, k.publicKey)} disabled={revoke.isPending}>
                    Revoke
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {canManage && <CreateApiKeyDialog projectId={projectId} open={open} onOpenChange={setOpen} />}
    </Card>
  );
}
