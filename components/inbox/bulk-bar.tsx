import { Button } from "@/components/ui/button";

/** Actions on the checked items; the server applies them to all or none. */
export function BulkBar({ count, busy, onResolve, onIgnore, onAssignMe, onClear }: { count: number; busy: boolean; onResolve: () => void; onIgnore: () => void; onAssignMe: () => void; onClear: () => void }) {
  return (
    <div className="flex items-center gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm dark:border-indigo-900 dark:bg-indigo-950" role="toolbar" aria-label="Bulk actions">
      <span className="font-medium">{count} checked</span>
      <Button size="sm" onClick={onResolve} disabled={busy}>Resolve</Button>
      <Button size="sm" variant="secondary" onClick={onIgnore} disabled={busy}>Ignore</Button>
      <Button size="sm" variant="secondary" onClick={onAssignMe} disabled={busy}>Assign to me</Button>
      <Button size="sm" variant="ghost" onClick={onClear}>Clear</Button>
    </div>
  );
}
