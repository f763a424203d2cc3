"use client";
import { Link2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import type { TraceDetail } from "@/lib/queries/trace-detail";
import { CopyButton, copyText } from "./copy-button";
import { traceLink } from "./use-trace-url-state";

/**
 * The trace header's actions. Feature buttons ("Send to inbox", "Promote to golden set") are
 * added here; the promote dialog follows `promote` / `setPromote` from useTraceUrlState.
 */
export function TraceActions({ projectId, trace, selectedSpanId }: { projectId: string; trace: TraceDetail; selectedSpanId: string | null; role?: Role }) {
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
    </div>
  );
}
