import { queryMetrics } from "../metrics/query-metrics";
import { requirePrompt } from "./prompt-rows";

/**
 * Per version of a prompt: calls, error rate, p95 latency, cost and thumbs-up rate from the
 * rollups (the dashboards' query, grouped by prompt version), each with the trace explorer's
 * URL filtered to that version. Default range: the last 30 days.
 */
export async function getPromptMetrics(options: { projectId: string; promptId: string; from?: Date; to?: Date }) {
  const { projectId, promptId } = options;
  const prompt = await requirePrompt({ projectId, promptId });
  const to = options.to ?? new Date();
  const from = options.from ?? new Date(to.getTime() - 30 * 86_400_000);
  const res = await queryMetrics({ projectId, query: { from, to, bucket: "1d", promptName: prompt.name, groupBy: "promptVersion" } });
  const versions = (res.groups ?? [])
    // Group keys of promptVersion read "<name> v<version>" (lib/metrics/metrics-sql.ts).
    .map((g) => ({ version: g.key.startsWith(`${prompt.name} v`) ? Number(g.key.slice(prompt.name.length + 2)) : NaN, totals: g.totals }))
    .filter((g) => Number.isInteger(g.version) && g.version > 0)
    .sort((a, b) => b.version - a.version)
    .map(({ version, totals: t }) => ({
      version, calls: t.count, errorRate: t.errorRate, latencyP95: t.latencyP95, cost: t.cost, costPerCall: t.count ? t.cost / t.count : null, thumbsUpRate: t.thumbsUpRate,
      explorerUrl: `/project/${projectId}/traces?${new URLSearchParams({ promptName: prompt.name, promptVersion: String(version) })}`,
    }));
  return { from: from.toISOString(), to: to.toISOString(), promptName: prompt.name, versions };
}
