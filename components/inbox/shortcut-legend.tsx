import { KeyLegend } from "@/components/ui/key-legend";

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
  return <KeyLegend keys={canUpdate ? SHORTCUTS : SHORTCUTS.filter(([k]) => ["j / k", "↵"].includes(k))} />;
}
