"use client";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { LlmConnectionRow } from "@/lib/queries/llm-connections/keys";
import { useCreateLlmConnection } from "@/lib/queries/llm-connections/use-create-llm-connection";
import { useUpdateLlmConnection } from "@/lib/queries/llm-connections/use-update-llm-connection";
import { type ConnectionFormValues, createBody, updateBody } from "./connection-form-values";

const AREA = "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs shadow-xs placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-900";

/** Add or edit a connection. The key and header values are write-only: never shown, empty keeps them. */
export function ConnectionDialog({ projectId, editing, open, onOpenChange }: { projectId: string; editing: LlmConnectionRow | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  const create = useCreateLlmConnection(projectId);
  const update = useUpdateLlmConnection(projectId);
  const [formError, setFormError] = useState<string | null>(null);
  const pending = create.isPending || update.isPending;

  function close(next: boolean) {
    if (!next) {
      setFormError(null);
      create.reset();
      update.reset();
    }
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const values: ConnectionFormValues = {
      name: String(f.get("name") ?? ""), baseUrl: String(f.get("baseUrl") ?? ""), apiKey: String(f.get("apiKey") ?? ""),
      noApiKey: f.get("noApiKey") === "on", headers: String(f.get("headers") ?? ""), models: String(f.get("models") ?? ""),
    };
    const body = editing ? updateBody(editing, values) : createBody(values);
    if ("error" in body) return setFormError(body.error);
    setFormError(null);
    if (editing) {
      if (Object.keys(body).length) await update.mutateAsync({ connectionId: editing.id, changes: body });
    } else await create.mutateAsync(body as Exclude<ReturnType<typeof createBody>, { error: string }>);
    toast.success(editing ? "Connection saved" : "Connection added");
    close(false);
  }

  return (
    <Dialog open={open} onOpenChange={close} title={editing ? `Edit ${editing.name}` : "Add LLM connection"} description="Any OpenAI-compatible chat-completions endpoint. Runs and LLM judges call it.">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3" aria-label="LLM connection">
        <div>
          <Label htmlFor="llm-name">Name</Label>
          <Input id="llm-name" name="name" required maxLength={100} defaultValue={editing?.name ?? ""} placeholder="e.g. openai-prod" autoFocus />
        </div>
        <div>
          <Label htmlFor="llm-base-url">Base URL</Label>
          <Input id="llm-base-url" name="baseUrl" type="url" required defaultValue={editing?.baseUrl ?? ""} placeholder="https://api.openai.com/v1" />
        </div>
        <div>
          <Label htmlFor="llm-api-key">API key</Label>
          <Input id="llm-api-key" name="apiKey" type="password" autoComplete="off"
            placeholder={editing?.hasApiKey ? `stored (encrypted${editing.apiKeyHint ? `, ends ${editing.apiKeyHint}` : ""}) — leave empty to keep` : "sk-…"} />
          <label className="mt-1 flex items-center gap-1.5 text-xs text-zinc-500"><input type="checkbox" name="noApiKey" /> No API key (e.g. a local server)</label>
          {editing && <p className="mt-1 text-xs text-zinc-500">Changing the base URL requires entering the key again.</p>}
        </div>
        <div>
          <Label htmlFor="llm-headers">Default headers (one “Name: value” per line)</Label>
          <textarea id="llm-headers" name="headers" rows={2} className={AREA}
            placeholder={editing?.headerNames.length ? `stored: ${editing.headerNames.join(", ")} — leave empty to keep` : "x-team: evals"} />
        </div>
        <div>
          <Label htmlFor="llm-models">Models offered (comma or line separated)</Label>
          <textarea id="llm-models" name="models" rows={2} className={AREA} defaultValue={editing?.models.join(", ") ?? ""} placeholder="gpt-4o-mini, gpt-4o" />
        </div>
        <FieldError>{formError ?? create.error?.message ?? update.error?.message}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : editing ? "Save" : "Add connection"}</Button>
        </div>
      </form>
    </Dialog>
  );
}
