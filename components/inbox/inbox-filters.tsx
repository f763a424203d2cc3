"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { ALL_REASONS } from "@/lib/triage/rules";
import { TRIAGE_STATUSES } from "@/lib/triage/status";
import { type InboxView, serializeInboxView, type StatusTab } from "./inbox-url-state";
import { reasonLabel, STATUS_LABELS } from "./reason-badges";

type Counts = { byStatus: Record<string, number>; byReason: Record<string, number> } | undefined;

/** Status tabs, reason chips with counts, and the assignee filter — all plain links into the URL. */
export function InboxFilters({ pathname, view, counts, onChange }: { pathname: string; view: InboxView; counts: Counts; onChange: (v: InboxView) => void }) {
  const href = (v: InboxView) => {
    const qs = serializeInboxView(v);
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const tabs: StatusTab[] = [...TRIAGE_STATUSES, "all"];
  const total = counts ? Object.values(counts.byStatus).reduce((a, b) => a + b, 0) : undefined;
  const tabCount = (t: StatusTab) => (t === "all" ? total : (counts?.byStatus[t] ?? (counts ? 0 : undefined)));
  const reasons = ALL_REASONS.filter((r) => (counts?.byReason[r] ?? 0) > 0 || view.reason === r);

  return (
    <div className="space-y-3">
      <nav className="flex items-center gap-1 border-b border-zinc-200 dark:border-zinc-800" aria-label="Status">
        {tabs.map((t) => (
          <Link
            key={t}
            href={href({ ...view, tab: t })}
            replace
            scroll={false}
            aria-current={view.tab === t ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm",
              view.tab === t ? "border-indigo-600 font-medium text-indigo-700 dark:text-indigo-300" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200",
            )}
          >
            {t === "all" ? "All" : STATUS_LABELS[t]}
            {tabCount(t) !== undefined && <span className="ml-1.5 rounded bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{tabCount(t)}</span>}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-500">Reason</span>
        <Chip href={href({ ...view, reason: null })} active={view.reason === null}>All</Chip>
        {reasons.map((r) => (
          <Chip key={r} href={href({ ...view, reason: view.reason === r ? null : r })} active={view.reason === r}>
            {reasonLabel(r)} <span className="tabular-nums opacity-70">{counts?.byReason[r] ?? 0}</span>
          </Chip>
        ))}
        <label className="ml-auto flex items-center gap-2 text-xs text-zinc-500">
          Assignee
          <Select aria-label="Assignee" className="h-7 w-36 text-xs" value={view.assignee ?? ""} onChange={(e) => onChange({ ...view, assignee: e.target.value || null })}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
          </Select>
        </label>
      </div>
    </div>
  );
}

function Chip({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      replace
      scroll={false}
      aria-pressed={active}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs",
        active ? "border-indigo-600 bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
      )}
    >
      {children}
    </Link>
  );
}
