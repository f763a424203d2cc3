"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Bookmark, ChevronDown, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { SavedView } from "@/lib/queries/traces/keys";
import { useCreateSavedView } from "@/lib/queries/traces/use-create-saved-view";
import { useDeleteSavedView } from "@/lib/queries/traces/use-delete-saved-view";
import { useSavedViews } from "@/lib/queries/traces/use-saved-views";

type Props = { projectId: string; currentQuery: string; canManage: boolean; onApply: (view: SavedView) => void };

/** Saved views are named explorer URLs: apply one, save the current one, delete one. */
export function SavedViewsMenu({ projectId, currentQuery, canManage, onApply }: Props) {
  const views = useSavedViews(projectId);
  const create = useCreateSavedView(projectId);
  const remove = useDeleteSavedView(projectId);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const active = views.data?.find((v) => v.query === currentQuery);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await create.mutateAsync({ name: name.trim(), query: currentQuery });
      toast.success(`Saved view "${name.trim()}"`);
      setSaving(false);
      setName("");
    } catch {
      // The error is shown in the dialog.
    }
  }
  async function del(view: SavedView) {
    try {
      await remove.mutateAsync(view.id);
      toast.success(`Deleted view "${view.name}"`);
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  return (
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button variant="secondary" size="sm" data-testid="saved-views">
            <Bookmark className="h-3.5 w-3.5" /> {active ? active.name : "Views"} <ChevronDown className="h-3 w-3" />
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content align="end" sideOffset={4} className="z-50 min-w-64 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
            {views.isLoading && <p className="px-2 py-1.5 text-xs text-zinc-500">Loading views…</p>}
            {views.data?.length === 0 && <p className="px-2 py-1.5 text-xs text-zinc-500">No saved views yet.</p>}
            {views.data?.map((view) => (
              <div key={view.id} className="flex items-center gap-1">
                <Menu.Item data-testid="saved-view" onSelect={() => onApply(view)} className="flex-1 cursor-pointer truncate rounded px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800">
                  {view.name}
                </Menu.Item>
                {canManage && (
                  <button type="button" aria-label={`Delete view ${view.name}`} data-testid="saved-view-delete" className="rounded p-1 text-zinc-400 hover:bg-red-50 hover:text-red-600" onClick={() => del(view)}>
                    <Trash2 className="h-3.5 w-3.5" />
                  </button>
                )}
              </div>
            ))}
            {canManage && (
              <>
                <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
                <Menu.Item data-testid="saved-view-save" onSelect={() => setSaving(true)} className="cursor-pointer rounded px-2 py-1.5 font-medium text-indigo-600 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800">
                  Save current view…
                </Menu.Item>
              </>
            )}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <Dialog open={saving} onOpenChange={(o) => { setSaving(o); create.reset(); }} title="Save view" description="Saves the current filters, search and sort under a name everyone in this project can use.">
        <form onSubmit={save} className="space-y-3">
          <div>
            <Label htmlFor="view-name">Name</Label>
            <Input id="view-name" data-testid="view-name" autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="e.g. Korean thumbs-down" />
          </div>
          <p className="break-all rounded bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-500 dark:bg-zinc-800">{currentQuery ? `?${currentQuery}` : "(default view)"}</p>
          <FieldError>{create.error?.message}</FieldError>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setSaving(false)}>Cancel</Button>
            <Button type="submit" data-testid="view-save" disabled={!name.trim() || create.isPending}>Save</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
