import type { PromptVersionMetrics } from "@/lib/queries/prompts/keys";

export type VersionMetricsRow = PromptVersionMetrics & { share: number; labels: string[]; worseErrorRate: boolean };

/**
 * Rows for the metrics tab: each version's share of the calls (for its bar), the labels it holds,
 * and whether its error rate is worse than the production version's (when both have calls).
 */
export function prepareVersionMetrics(versions: PromptVersionMetrics[], labels: { label: string; version: number }[]): VersionMetricsRow[] {
  const total = versions.reduce((s, v) => s + v.calls, 0);
  const production = labels.find((l) => l.label === "production")?.version;
  const base = versions.find((v) => v.version === production)?.errorRate ?? null;
  return versions.map((v) => ({
    ...v,
    share: total ? v.calls / total : 0,
    labels: labels.filter((l) => l.version === v.version).map((l) => l.label),
    worseErrorRate: base !== null && v.errorRate !== null && v.version !== production && v.errorRate > base,
  }));
}
