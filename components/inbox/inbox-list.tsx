"use client";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatRelative } from "@/lib/format/format-date";
import type { TriageItemRow } from "@/lib/queries/triage/keys";
import { ReasonBadges, StatusBadge } from "./reason-badges";

type Props = {
  items: TriageItemRow[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  canUpdate: boolean;
  /** In a single-status tab every row has that status; the badge only adds noise there. */
  showStatus: boolean;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
};

/** The item list: one dense row per item; the selected row is what the keyboard acts on. */
export function InboxList({ items, selectedId, checked, canUpdate, showStatus, onSelect, onToggle, onToggleAll }: Props) {
  const allChecked = items.length > 0 && items.every((i) => checked.has(i.id));
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      {canUpdate && (
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800">
          <input type="checkbox" aria-label="Select all shown items" checked={allChecked} onChange={onToggleAll} />
          <span>{items.length} shown · newest added first</span>
        </div>
      )}
      <ul role="listbox" aria-label="Inbox items" className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {items.map((item) => {
          const selected = item.id === selectedId;
          return (
            <li
              key={item.id}
              id={`inbox-item-${item.id}`}
              role="option"
              aria-selected={selected}
              data-testid="inbox-row"
              data-item-id={item.id}
              onClick={() => onSelect(item.id)}
              className={cn(
                "flex cursor-pointer gap-2 px-3 py-2 text-sm",
                selected ? "bg-indigo-50 ring-1 ring-inset ring-indigo-300 dark:bg-indigo-950/60 dark:ring-indigo-800" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/50",
              )}
            >
              {canUpdate && (
                <input
                  type="checkbox"
                  className="mt-1"
                  aria-label={`Select ${item.trace?.name ?? item.traceId}`}
                  checked={checked.has(item.id)}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => onToggle(item.id)}
                />
              )}
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2">
                  <span className="truncate font-medium">{item.trace?.name ?? "(unnamed trace)"}</span>
                  {showStatus && <StatusBadge status={item.status} />}
                  {/* The list is ordered by when items arrived, so that is the time shown; the trace's own start is in the tooltip and the detail. */}
                  <span className="ml-auto shrink-0 text-xs text-zinc-500" data-testid="inbox-row-added" title={`In the inbox since ${formatDateTime(item.createdAt)}${item.trace ? `; trace started ${formatDateTime(item.trace.startTime)}` : ""}`}>
                    added {formatRelative(item.createdAt)}
                  </span>
                </div>
                <p className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">{item.trace?.inputPreview ?? (item.trace ? "(no input)" : "trace no longer stored")}</p>
                <div className="mt-1 flex items-center gap-2">
                  <ReasonBadges reasons={item.reasons} />
                  {item.assignee && <span className="ml-auto truncate text-xs text-zinc-500" title={item.assignee.email}>→ {item.assignee.name ?? item.assignee.email}</span>}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
