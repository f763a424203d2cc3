"use client";
import { ArrowUpCircle, GitPullRequest, StopCircle } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { Canary, ChangeRequest } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";

/**
 * Promote (the label moves under its policy: at once, or through a change request that waits
 * for approvals) and End (every call gets the main version again).
 */
export function CanaryActions({ projectId, canary }: { projectId: string; canary: Canary }) {
  const m = usePromptMutations(projectId);
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState("");
  const [waiting, setWaiting] = useState<ChangeRequest | null>(null);
  const ref = { promptId: canary.promptId, canaryId: canary.id };

  function promote() {
    m.promoteCanary.mutate(ref, {
      onSuccess: (r) => {
        if (r.promoted) toast.success(`${canary.label} now points at v${canary.canaryVersion}`);
        else {
          setWaiting(r.changeRequest);
          toast.info("Waiting for approval: a change request was opened");
        }
      },
      onError: (e) => toast.error(e.message),
    });
  }
  function end() {
    m.endCanary.mutate({ ...ref, reason: reason.trim() || undefined }, {
      onSuccess: () => (setEnding(false), toast.success("Canary ended: every call gets the main version")),
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button onClick={promote} disabled={m.promoteCanary.isPending}>
          <ArrowUpCircle className="h-4 w-4" aria-hidden /> Promote v{canary.canaryVersion}
        </Button>
        <Button variant="danger" onClick={() => (m.endCanary.reset(), setEnding(true))}>
          <StopCircle className="h-4 w-4" aria-hidden /> End canary
        </Button>
      </div>
      {waiting && <PromoteWaiting projectId={projectId} changeRequest={waiting} />}
      <Dialog open={ending} onOpenChange={setEnding} title="End this canary?" description={`Every call to ${canary.label} gets v${canary.baseVersion} again. The label does not move.`}>
        <form onSubmit={(e) => (e.preventDefault(), end())} className="space-y-3">
          <div>
            <Label htmlFor="end-reason">Reason (optional)</Label>
            <Input id="end-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. answers too short for billing questions" />
          </div>
          <FieldError>{m.endCanary.error?.message}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setEnding(false)}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={m.endCanary.isPending}>End canary</Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

function PromoteWaiting({ projectId, changeRequest }: { projectId: string; changeRequest: ChangeRequest }) {
  const approvals = changeRequest.approvals;
  return (
    <p role="status" className="flex items-center gap-1.5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <GitPullRequest className="h-4 w-4" aria-hidden />
      Waiting for approval{approvals ? ` (${approvals.approvedBy.length} of ${approvals.required})` : ""}:
      <Link className="font-medium underline" href={`/project/${projectId}/prompts/${changeRequest.promptId}/change-requests/${changeRequest.id}`}>
        change request for v{changeRequest.version} on {changeRequest.label}
      </Link>
    </p>
  );
}
