export type TooltipFormatters = { formatLabel: (time: number) => string; formatValue: (dataKey: string, value: number) => string };

type Entry = { dataKey?: unknown; name?: unknown; value?: unknown; color?: string; payload?: unknown };

/**
 * A compact tooltip; what the numbers mean is decided by the caller's formatters. Items follow `order` (the
 * legend's order) so the eye finds a series in the same place in both; `note` adds a line about the whole row.
 */
export function ChartTooltip({ active, payload, label, formatLabel, formatValue, order, note }: {
  active?: boolean; payload?: readonly Entry[]; label?: unknown; order?: readonly string[]; note?: (row: Record<string, unknown>) => string | null;
} & TooltipFormatters) {
  if (!active || !payload?.length) return null;
  const rank = (item: Entry) => order?.indexOf(String(item.dataKey)) ?? 0;
  const items = order ? [...payload].sort((a, b) => rank(a) - rank(b)) : payload;
  const row = payload[0]?.payload;
  const footer = note && row && typeof row === "object" ? note(row as Record<string, unknown>) : null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95">
      <p className="mb-1 font-medium text-zinc-700 dark:text-zinc-200">{typeof label === "number" ? formatLabel(label) : String(label ?? "")}</p>
      {items.map((item) => (
        <p key={String(item.dataKey)} className="flex items-center gap-1.5 tabular-nums">
          <span className="inline-block h-2 w-2 rounded-sm" style={{ background: item.color }} />
          <span className="text-zinc-500">{String(item.name ?? "")}</span>
          <span className="ml-auto pl-3 font-medium">{typeof item.value === "number" ? formatValue(String(item.dataKey), item.value) : "—"}</span>
        </p>
      ))}
      {footer && <p className="mt-1 text-zinc-500">{footer}</p>}
    </div>
  );
}
