"use client";
import { type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/input";
import { useUpdateIngestSettings } from "@/lib/queries/ingest-settings/use-update-ingest-settings";

export function OriginsForm({ projectId, origins, canEdit }: { projectId: string; origins: string[]; canEdit: boolean }) {
  const update = useUpdateIngestSettings(projectId);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("origins") ?? "");
    const list = text.split(/\s+/).map((s) => s.trim()).filter(Boolean);
    update.mutate({ feedbackOrigins: list }, { onSuccess: () => toast.success("Origins saved") });
  }
  return (
    <Card title="Browser feedback origins" description="Pages on these origins may send thumbs feedback with the public key (pk-…). One per line.">
      <form onSubmit={onSubmit} className="space-y-2">
        <textarea
          name="origins"
          aria-label="Allowed origins"
          rows={3}
          defaultValue={origins.join("\n")}
          disabled={!canEdit}
          placeholder="https://app.example.com"
          className="w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        <FieldError>{update.error?.message}</FieldError>
        {canEdit && <Button type="submit" variant="secondary" disabled={update.isPending}>Save origins</Button>}
      </form>
    </Card>
  );
}
