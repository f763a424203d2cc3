"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { apiFetch } from "@/lib/queries/query-client";

export function RenameProjectForm({ projectId, name, canEdit }: { projectId: string; name: string; canEdit: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name"));
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/projects/${projectId}`, { method: "PATCH", json: { name: value } });
      toast.success("Project renamed");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={onSubmit} className="flex max-w-md items-end gap-2">
      <div className="flex-1">
        <Label htmlFor="project-name">Project name</Label>
        <Input id="project-name" name="name" defaultValue={name} disabled={!canEdit} required maxLength={100} />
        <FieldError>{error}</FieldError>
      </div>
      {canEdit && (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Rename"}
        </Button>
      )}
    </form>
  );
}
