const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous item"],
  ["a", "assign to me"],
  ["r", "resolve"],
  ["i", "ignore"],
  ["x", "check / uncheck"],
  ["↵", "open the trace"],
  ["g", "promote to golden set"],
  ["Esc", "clear checked"],
];

/** Always-visible legend: a, r and i act on the checked items when any are checked, else on the selected one. */
export function ShortcutLegend({ canUpdate }: { canUpdate: boolean }) {
  const shown = canUpdate ? SHORTCUTS : SHORTCUTS.filter(([k]) => ["j / k", "↵"].includes(k));
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500" aria-label="Keyboard shortcuts" data-testid="shortcut-legend">
      {shown.map(([key, what]) => (
        <span key={key}>
          <kbd className="rounded border border-zinc-300 bg-white px-1 font-mono text-[11px] text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">{key}</kbd> {what}
        </span>
      ))}
    </div>
  );
}
