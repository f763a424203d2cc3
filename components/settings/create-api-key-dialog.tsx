"use client";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { CreatedApiKey } from "@/lib/queries/api-keys/keys";
import { useCreateApiKey } from "@/lib/queries/api-keys/use-create-api-key";
import { CopyField } from "./copy-field";

/** Creates a key and shows its secret exactly once; closing the dialog forgets it. */
export function CreateApiKeyDialog({ projectId, open, onOpenChange }: { projectId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const create = useCreateApiKey(projectId);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  function close(next: boolean) {
    if (!next) {
      setCreated(null);
      create.reset();
    }
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(await create.mutateAsync(String(new FormData(event.currentTarget).get("note") ?? "")));
  }

  return (
    <Dialog open={open} onOpenChange={close} title={created ? "Save your secret key" : "Create API key"}>
      {created ? (
        <div className="space-y-3">
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            This is the only time the secret key is shown. Store it in your secret manager now.
          </p>
          <CopyField label="Secret key" value={created.secretKey} testId="new-secret-key" />
          <CopyField label="Public key" value={created.publicKey} testId="new-public-key" />
          <div className="flex justify-end">
            <Button onClick={() => close(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3">
          <div>
            <Label htmlFor="key-note">Note (optional)</Label>
            <Input id="key-note" name="note" placeholder="e.g. production backend" maxLength={200} autoFocus />
          </div>
          <FieldError>{create.error?.message}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create key"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
