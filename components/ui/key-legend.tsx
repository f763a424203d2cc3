import { cn } from "./cn";

/**
 * An always-visible row of keyboard shortcuts ("j / k next item · r resolve"), so keys are found
 * on the page rather than only in tooltips. Pages pass their own keys; the look is shared.
 */
export function KeyLegend({ keys, testId = "shortcut-legend", className }: { keys: readonly (readonly [key: string, what: string])[]; testId?: string; className?: string }) {
  if (!keys.length) return null;
  return (
    <div className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500", className)} aria-label="Keyboard shortcuts" data-testid={testId}>
      {keys.map(([key, what]) => (
        <span key={key}>
          <kbd className="rounded border border-zinc-300 bg-white px-1 font-mono text-[11px] text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">{key}</kbd> {what}
        </span>
      ))}
    </div>
  );
}
