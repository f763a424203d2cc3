"use client";
import { format } from "date-fns";
import { History } from "lucide-react";
import { Button } from "@/components/ui/button";

/** "As of" instant for the items table; the value lives in the URL (?at=ISO) so links pin a snapshot. */
export function SnapshotPicker({ at, onChange }: { at: string | null; onChange: (at: string | null) => void }) {
  const local = at ? format(new Date(at), "yyyy-MM-dd'T'HH:mm:ss") : "";
  return (
    <div className="flex items-center gap-1.5">
      <History className="size-4 text-zinc-400" aria-hidden />
      <label htmlFor="snapshot-at" className="text-xs text-zinc-500">As of</label>
      <input
        id="snapshot-at"
        type="datetime-local"
        step={1}
        value={local}
        onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}
        className="h-7 rounded-md border border-zinc-300 bg-white px-2 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {at && <Button size="sm" variant="ghost" onClick={() => onChange(null)}>Now</Button>}
    </div>
  );
}
