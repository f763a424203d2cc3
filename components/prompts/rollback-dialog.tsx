"use client";
import { Siren } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Label, Select } from "@/components/ui/input";
import { TextArea } from "@/components/datasets/json-value";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";

type Props = { projectId: string; promptId: string; label: string; current: number; targets: number[]; open: boolean; onOpenChange: (open: boolean) => void };

/** The emergency path: point a label back at a version that once held it, with a required reason; no approvals, audited. */
export function RollbackDialog({ projectId, promptId, label, current, targets, open, onOpenChange }: Props) {
  const { rollback } = usePromptMutations(projectId);
  const [version, setVersion] = useState(targets[0] ?? 0);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (open) (setVersion(targets[0] ?? 0), setReason(""), rollback.reset());
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await rollback.mutateAsync({ promptId, label, version, reason: reason.trim() });
    toast.success(`${label} rolled back to v${version}`);
    onOpenChange(false);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Roll back ${label}`} description="Emergency path: the label moves now, without approvals. It is audited with your reason and every release webhook fires.">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3" data-testid="rollback-form">
        <div className="flex items-start gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <Siren className="mt-0.5 size-4 shrink-0" />
          <span>Every app fetching <strong>{label}</strong> gets the version you pick within a second. It is now v{current}.</span>
        </div>
        <div>
          <Label htmlFor="rollback-version">Back to (versions that once held {label})</Label>
          <Select id="rollback-version" value={version} onChange={(e) => setVersion(Number(e.target.value))}>
            {targets.map((v) => <option key={v} value={v}>v{v}</option>)}
          </Select>
        </div>
        <div>
          <Label htmlFor="rollback-reason">Reason (required)</Label>
          <TextArea id="rollback-reason" rows={3} className="font-sans text-sm" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="What broke, e.g. v4 answers in English to Korean customers" required />
        </div>
        <FieldError>{rollback.error?.message}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" className="bg-red-600 hover:bg-red-500 disabled:bg-red-300" disabled={rollback.isPending || !reason.trim() || !version}>
            <Siren className="size-4" /> {rollback.isPending ? "Rolling back…" : `Roll back to v${version}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
