"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { DatasetRow } from "@/lib/queries/datasets/keys";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";

/** Rename / describe a golden set, or delete it with every item version. */
export function DatasetSettingsDialog({ projectId, dataset, open, onOpenChange }: { projectId: string; dataset: DatasetRow; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const { update, remove } = useDatasetMutations(projectId);
  const [name, setName] = useState(dataset.name);
  const [description, setDescription] = useState(dataset.description ?? "");

  useEffect(() => {
    if (!open) return;
    setName(dataset.name);
    setDescription(dataset.description ?? "");
  }, [open, dataset]);

  function close(next: boolean) {
    if (!next) update.reset();
    onOpenChange(next);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await update.mutateAsync({ id: dataset.id, name, description: description.trim() ? description : null });
    toast.success("Saved");
    close(false);
  }

  function onDelete() {
    if (!window.confirm(`Delete "${dataset.name}" and all ${dataset.itemCount} items with their history? Runs can no longer replay it.`)) return;
    remove.mutate(dataset.id, {
      onSuccess: () => (toast.success(`Deleted "${dataset.name}"`), router.push(`/project/${projectId}/datasets`)),
      onError: (err) => toast.error(err.message),
    });
  }

  return (
    <Dialog open={open} onOpenChange={close} title="Golden set settings">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3">
        <div><Label htmlFor="dataset-settings-name">Name</Label><Input id="dataset-settings-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required /></div>
        <div><Label htmlFor="dataset-settings-description">Description</Label><Input id="dataset-settings-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} /></div>
        <FieldError>{update.error?.message}</FieldError>
        <div className="flex items-center justify-between gap-2">
          <Button variant="danger" onClick={onDelete} disabled={remove.isPending}>Delete golden set</Button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => close(false)}>Cancel</Button>
            <Button type="submit" disabled={update.isPending || !name.trim()}>Save</Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
