"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useDatasetMutations } from "@/lib/queries/datasets/use-dataset-mutations";

export function CreateDatasetDialog({ projectId, open, onOpenChange }: { projectId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const { create } = useDatasetMutations(projectId);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");

  function close(next: boolean) {
    if (!next) create.reset();
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const dataset = await create.mutateAsync({ name, ...(description.trim() ? { description } : {}) });
    setName("");
    setDescription("");
    close(false);
    router.push(`/project/${projectId}/datasets/${dataset.id}`);
  }

  return (
    <Dialog open={open} onOpenChange={close} title="New golden set" description="A named set of inputs with the outputs you expect; regression runs replay it.">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3">
        <div>
          <Label htmlFor="dataset-name">Name</Label>
          <Input id="dataset-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Refund questions" maxLength={100} required autoFocus />
        </div>
        <div>
          <Label htmlFor="dataset-description">Description (optional)</Label>
          <Input id="dataset-description" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What these cases guard against" maxLength={2000} />
        </div>
        <FieldError>{create.error?.message}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" disabled={create.isPending || !name.trim()}>{create.isPending ? "Creating…" : "Create golden set"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
