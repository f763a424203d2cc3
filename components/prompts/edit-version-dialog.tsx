"use client";
import { CheckCircle2, Info } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { WideDialog } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/input";
import type { PromptDetail } from "@/lib/queries/prompts/keys";
import { usePromptMutations } from "@/lib/queries/prompts/use-prompt-mutations";
import { draftFromVersion, draftToContent, type PromptDraft, sameContent } from "./prompt-draft-model";
import { PromptEditorFields } from "./prompt-editor-fields";
import { ProposeForm } from "./propose-form";

type Props = { projectId: string; detail: PromptDetail; baseVersion: number | null; onClose: () => void; onCreated: (version: number) => void };

/**
 * "Edit": the editor prefilled with a version; saving creates a new version (or says nothing
 * changed, when the content equals the latest: the API answers 200), then offers "Propose for …".
 */
export function EditVersionDialog({ projectId, detail, baseVersion, onClose, onCreated }: Props) {
  const { saveVersion } = usePromptMutations(projectId);
  const base = detail.versions.find((v) => v.version === baseVersion) ?? detail.versions[0];
  const latest = detail.versions[0];
  const [draft, setDraft] = useState<PromptDraft | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [unchanged, setUnchanged] = useState<number | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  // The draft as it is now: an answer for an older draft must not say "nothing changed" about this one.
  const latestDraft = useRef<PromptDraft | null>(null);
  latestDraft.current = draft;

  useEffect(() => {
    if (baseVersion === null || !base) return;
    setDraft(draftFromVersion(detail.prompt.type, base));
    setError(null);
    setUnchanged(null);
    setCreated(null);
    saveVersion.reset();
  }, [baseVersion]); // eslint-disable-line react-hooks/exhaustive-deps

  const content = draft ? draftToContent(draft) : null;
  const equalsLatest = content && !("error" in content) && sameContent(detail.prompt.type, content, latest);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft || !content) return;
    if ("error" in content) return setError(content.error);
    setError(null);
    const sent = draft;
    const result = await saveVersion.mutateAsync({ name: detail.prompt.name, type: detail.prompt.type, ...content, ...(draft.commitMessage.trim() ? { commitMessage: draft.commitMessage.trim() } : {}) });
    if (!result.created) return latestDraft.current === sent ? setUnchanged(result.version.version) : undefined;
    toast.success(`Saved v${result.version.version}`);
    setCreated(result.version.version);
    onCreated(result.version.version);
  }

  const open = baseVersion !== null;
  return (
    <WideDialog open={open} onOpenChange={(o) => !o && onClose()} title={created ? `Saved v${created}` : `Edit ${detail.prompt.name}`} description={created ? "Versions never change once written. Propose it for a label to ship it." : `Starts from v${base?.version}. Saving creates a new version; labels do not move.`}>
      {created ? (
        <div className="space-y-4">
          <p className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" data-testid="version-created"><CheckCircle2 className="size-4" /> v{created} is saved and is now <code>latest</code>.</p>
          <ProposeForm projectId={projectId} detail={detail} version={created} onDone={onClose} onCancel={onClose} />
        </div>
      ) : draft && (
        <form onSubmit={(e) => onSubmit(e).catch(() => undefined)} className="space-y-3" data-testid="edit-form">
          <PromptEditorFields draft={draft} onChange={(d) => (setDraft(d), setUnchanged(null))} errorField={error?.field} />
          {(unchanged !== null || equalsLatest) && (
            <p className="flex items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" role="status" data-testid="nothing-changed" data-confirmed={unchanged !== null}>
              <Info className="size-4 shrink-0" />
              {unchanged !== null ? <>Nothing changed: v{unchanged} already has this content, so no version was created.</> : <>Same content as the latest version (v{latest?.version}): saving would create nothing.</>}
            </p>
          )}
          <FieldError>{error?.message ?? saveVersion.error?.message}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>Cancel</Button>
            <Button type="submit" disabled={saveVersion.isPending} className="min-w-36">{saveVersion.isPending ? "Saving…" : "Save new version"}</Button>
          </div>
        </form>
      )}
    </WideDialog>
  );
}
