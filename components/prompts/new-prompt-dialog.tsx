"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { WideDialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { draftToContent, emptyDraft, type PromptDraft } from "./prompt-draft-model";
import { PromptEditorFields } from "./prompt-editor-fields";

type Props = { projectId: string; open: boolean; onOpenChange: (open: boolean) => void };

/** "New prompt": name (folders by "/"), text or chat, the first version's content. */
export function NewPromptDialog({ projectId, open, onOpenChange }: Props) {
  const router = useRouter();
  const { saveVersion } = usePromptMutations(projectId);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [tags, setTags] = useState("");
  const [draft, setDraft] = useState<PromptDraft>(() => ({ ...emptyDraft("text"), commitMessage: "First version" }));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const content = draftToContent(draft);
    if ("error" in content) return setError(content.error);
    setError(null);
    const tagList = tags.split(",").map((t) => t.trim()).filter(Boolean);
    const result = await saveVersion.mutateAsync({
      name: name.trim(), type: draft.type, ...content,
      ...(draft.commitMessage.trim() ? { commitMessage: draft.commitMessage.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(tagList.length ? { tags: tagList } : {}),
    });
    toast.success(result.created ? `Created ${result.prompt.name} v${result.version.version}` : `${result.prompt.name} already has this content (v${result.version.version}); nothing created`);
    onOpenChange(false);
    router.push(`/project/${projectId}/prompts/${result.prompt.id}`);
  }

  return (
    <WideDialog open={open} onOpenChange={(o) => (o || saveVersion.reset(), onOpenChange(o))} title="New prompt" description="Version 1 is created now; later edits create new versions, and labels point at the version your app fetches.">
      <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3">
        <div className="grid grid-cols-[1fr_auto] gap-3">
          <div>
            <Label htmlFor="prompt-name">Name</Label>
            <Input id="prompt-name" value={name} onChange={(e) => setName(e.target.value.toLowerCase())} placeholder="support/answer" pattern="[a-z0-9._/\-]+" maxLength={200} required autoFocus className="font-mono" />
            <p className="mt-1 text-xs text-zinc-500">a-z, 0-9, <code>. _ -</code>; use <code>/</code> for folders. Your app fetches it by this name.</p>
          </div>
          <fieldset>
            <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Type</legend>
            <div className="flex h-9 overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
              {(["text", "chat"] as const).map((t) => (
                <label key={t} className={`flex cursor-pointer items-center gap-1.5 px-3 ${draft.type === t ? "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : ""}`}>
                  <input type="radio" name="prompt-type" value={t} checked={draft.type === t} onChange={() => setDraft({ ...draft, type: t })} className="sr-only" />
                  {t === "text" ? "Text" : "Chat"}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <PromptEditorFields draft={draft} onChange={setDraft} errorField={error?.field} />
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="prompt-description">Description (optional)</Label>
            <Input id="prompt-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
          </div>
          <div>
            <Label htmlFor="prompt-tags">Tags (comma separated)</Label>
            <Input id="prompt-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="support, rag" />
          </div>
        </div>
        <FieldError>{error?.message ?? saveVersion.error?.message}</FieldError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" disabled={saveVersion.isPending || !name.trim()}>{saveVersion.isPending ? "Creating…" : "Create prompt"}</Button>
        </div>
      </form>
    </WideDialog>
  );
}
