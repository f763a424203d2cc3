import { Bird } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { orderLabels } from "./prompt-list-model";

type LabelRef = { label: string; version: number; canary?: boolean | { version: number; percent: number } | null };

const TONES: Record<string, string> = {
  production: "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-300",
  staging: "border-sky-200 bg-sky-50 text-sky-800 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-300",
  latest: "border-zinc-200 bg-white text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400",
};
const CUSTOM = "border-violet-200 bg-violet-50 text-violet-800 dark:border-violet-900 dark:bg-violet-950 dark:text-violet-300";

/** A label and the version it points at (`production v2`); a bird marks an active canary. */
export function LabelBadge({ label, version, canary, hideVersion, className }: LabelRef & { hideVersion?: boolean; className?: string }) {
  const canaryText = canary && typeof canary === "object" ? `canary: v${canary.version} for ${canary.percent}% of calls` : canary ? "an active canary" : null;
  return (
    <span
      data-testid="label-badge"
      data-label={label}
      title={canaryText ? `${label} → v${version}, with ${canaryText}` : `${label} → v${version}`}
      className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium", TONES[label] ?? CUSTOM, className)}
    >
      {label}
      {!hideVersion && <span className="font-mono tabular-nums opacity-80">{" "}v{version}</span>}
      {canaryText && <Bird className="size-3" aria-label={canaryText} />}
    </span>
  );
}

export function LabelBadges({ labels }: { labels: LabelRef[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {orderLabels(labels).map((l) => (
        <LabelBadge key={l.label} {...l} />
      ))}
    </span>
  );
}

/** The labels a version holds, for the version list ("production", "staging"…). */
export function labelsOf(version: number, labels: { label: string; version: number }[]): string[] {
  return orderLabels(labels.filter((l) => l.version === version)).map((l) => l.label);
}
