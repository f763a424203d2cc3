import { Siren } from "lucide-react";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { AuditEntry, AuditPage } from "@/lib/queries/prompts/keys";
import { actorLabel, auditChanges, type Change, isEmergency, resourceLabel } from "./prepare-audit-entry";

/** One audit row: when, who, what, on what, and before → after as key/value changes. */
export function AuditEntryRow({ entry, users }: { entry: AuditEntry; users: AuditPage["users"] }) {
  const emergency = isEmergency(entry);
  const { changes, unchanged } = auditChanges(entry.before, entry.after);
  return (
    <li data-testid="audit-entry" data-emergency={emergency || undefined} className={cn("grid grid-cols-[9rem_minmax(0,1fr)] gap-4 px-4 py-3", emergency && "border-l-4 border-l-red-500 bg-red-50/60 pl-3 dark:bg-red-950/30")}>
      <div className="text-xs text-zinc-500">
        <div title={formatDateTime(entry.createdAt)}>{formatRelative(entry.createdAt)}</div>
        <div className="mt-0.5 truncate text-zinc-700 dark:text-zinc-300" title={actorLabel(entry, users)}>{actorLabel(entry, users)}</div>
      </div>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium dark:bg-zinc-800">{entry.action}</code>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">{resourceLabel(entry)}</span>
          {emergency && <Badge tone="red"><Siren className="mr-1 h-3 w-3" aria-hidden />Emergency rollback</Badge>}
        </div>
        {changes.length > 0 && <ChangeList changes={changes} unchanged={unchanged} />}
      </div>
    </li>
  );
}

function ChangeList({ changes, unchanged }: { changes: Change[]; unchanged: number }) {
  return (
    <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {changes.map((c) => (
        <div key={c.key} className="contents">
          <dt className="font-mono text-zinc-500">{c.key}</dt>
          <dd className="min-w-0 break-words font-mono">
            {c.before !== null && <span className={cn(c.kind === "removed" || c.kind === "changed" ? "text-red-700 line-through decoration-red-300 dark:text-red-400" : "")}>{c.before}</span>}
            {c.kind === "changed" && <span className="px-1.5 text-zinc-400">→</span>}
            {c.after !== null && <span className="text-emerald-700 dark:text-emerald-400">{c.after}</span>}
          </dd>
        </div>
      ))}
      {unchanged > 0 && <dd className="col-span-2 text-zinc-400">{unchanged} unchanged {unchanged === 1 ? "field" : "fields"}</dd>}
    </dl>
  );
}
