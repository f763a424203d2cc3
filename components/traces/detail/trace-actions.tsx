"use client";
import { Inbox, Link2, Star } from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { PromoteDialog } from "@/components/datasets/promote-dialog";
import { Button } from "@/components/ui/button";
import { can, type Role } from "@/lib/auth/permissions";
import { useSendToInbox } from "@/lib/queries/triage/use-send-to-inbox";
import type { TraceDetail } from "@/lib/queries/traces/trace-detail";
import { CopyButton, copyText } from "./copy-button";
import { traceLink, useTraceUrlState } from "./use-trace-url-state";

/**
 * The trace header's actions: copy ids and link, send the trace to the failure inbox, and
 * promote the trace (or the selected span) to a golden set. The promote dialog follows
 * `?promote=1` so the inbox's `g` can open it on this page, with `triageItem` as provenance.
 */
export function TraceActions({ projectId, trace, selectedSpanId, role }: { projectId: string; trace: TraceDetail; selectedSpanId: string | null; role?: Role }) {
  const { promote, setPromote, triageItemId } = useTraceUrlState();
  const sendToInbox = useSendToInbox(projectId);
  const canTriage = role ? can(role, "triage:update") : false;
  const canPromote = role ? can(role, "datasets:update") : false;

  const send = () =>
    sendToInbox.mutate(trace.id, {
      onSuccess: () => toast.success("Sent to the inbox", { action: { label: "Open inbox", onClick: () => window.location.assign(`/project/${projectId}/inbox`) } }),
      onError: (e) => toast.error(e instanceof Error ? e.message : "Could not send to the inbox"),
    });

  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="trace-actions">
      <CopyButton value={trace.id} label="trace id" />
      {selectedSpanId && <CopyButton value={selectedSpanId} label="span id" />}
      <Button
        size="sm"
        variant="secondary"
        onClick={() => copyText(traceLink(projectId, trace.id, selectedSpanId)).then(() => toast.success("Link copied"), () => toast.error("Copy failed"))}
      >
        <Link2 className="h-3.5 w-3.5" /> Copy link
      </Button>
      {canTriage && (
        <Button size="sm" variant="secondary" onClick={send} disabled={sendToInbox.isPending}>
          <Inbox className="h-3.5 w-3.5" /> Send to inbox
        </Button>
      )}
      {canPromote && (
        <Button size="sm" onClick={() => setPromote(true)}>
          <Star className="h-3.5 w-3.5" /> Promote to golden set
        </Button>
      )}
      {!canPromote && promote && (
        <span className="text-xs text-zinc-500">
          Your role cannot promote to golden sets. <Link href={`/project/${projectId}/datasets`} className="underline">Golden sets</Link>
        </span>
      )}
      {canPromote && (
        <PromoteDialog
          projectId={projectId}
          traceId={trace.id}
          spanId={selectedSpanId ?? undefined}
          triageItemId={triageItemId ?? undefined}
          open={promote}
          onOpenChange={setPromote}
        />
      )}
    </div>
  );
}
