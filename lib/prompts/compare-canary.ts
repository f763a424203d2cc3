import { db } from "../db";
import { AppError } from "../errors";
import { type Accumulator, addSketch, addSums, emptyAccumulator, type SumsRow, toPoint } from "../metrics/metric-point";
import type { MetricPoint } from "../schemas/metrics";
import { serializeCanary } from "./canary-rows";
import { type CanarySide, twoProportionTest } from "./canary-stats";

type Side = { version: number; calls: number; errorRate: number | null; latencyP50: number | null; latencyP95: number | null; costPerCall: number | null; thumbsUp: number; thumbsDown: number; thumbsUpRate: number | null; totals: MetricPoint };

const side = (version: number, p: MetricPoint): Side => ({
  version, calls: p.count, errorRate: p.errorRate, latencyP50: p.latencyP50, latencyP95: p.latencyP95,
  costPerCall: p.count ? p.cost / p.count : null, thumbsUp: p.thumbsUp, thumbsDown: p.thumbsDown, thumbsUpRate: p.thumbsUpRate, totals: p,
});

/**
 * Canary version vs main version since the canary started (until it ended), from the
 * per-minute rollups of the prompt's LLM calls: sums add up, latency percentiles come from the
 * merged sketches (lib/metrics). Rows are per minute, so the start minute is counted whole.
 * Versions are compared as versions: a main version that also serves another label counts that traffic too.
 */
export async function readCanarySides(options: { projectId: string; promptName: string; baseVersion: number; canaryVersion: number; from: Date; to: Date | null }) {
  const { projectId, promptName, baseVersion, canaryVersion, from } = options;
  const to = options.to ?? new Date(Date.now() + 60_000);
  const [sums, sketches] = await Promise.all([
    db.$queryRaw<(SumsRow & { v: number })[]>`
      select prompt_version as v, sum(count)::float8 as count, sum(errors)::float8 as errors, sum(cost_sum)::float8 as cost,
             sum(input_tokens)::float8 as "inputTokens", sum(output_tokens)::float8 as "outputTokens", sum(thumbs_up)::float8 as "thumbsUp",
             sum(thumbs_down)::float8 as "thumbsDown", sum(flagged_pii)::float8 as "flaggedPii", sum(flagged_injection)::float8 as "flaggedInjection",
             sum(flagged_uncertainty)::float8 as "flaggedUncertainty"
      from metric_minutes
      where project_id = ${projectId} and prompt_name = ${promptName} and prompt_version in (${baseVersion}, ${canaryVersion})
        and minute >= date_trunc('minute', ${from}::timestamptz) and minute < ${to}
      group by prompt_version`,
    db.$queryRaw<{ v: number; b: number; c: number }[]>`
      select prompt_version as v, u.b, sum(u.c)::float8 as c
      from metric_minutes, unnest(latency_buckets, latency_counts) as u(b, c)
      where project_id = ${projectId} and prompt_name = ${promptName} and prompt_version in (${baseVersion}, ${canaryVersion})
        and minute >= date_trunc('minute', ${from}::timestamptz) and minute < ${to}
      group by prompt_version, u.b`,
  ]);
  const acc = new Map<number, Accumulator>([[baseVersion, emptyAccumulator()], [canaryVersion, emptyAccumulator()]]);
  for (const row of sums) addSums(acc.get(row.v)!, row);
  for (const row of sketches) addSketch(acc.get(row.v)!, "latency", [row.b], [Number(row.c)]);
  return { main: side(baseVersion, toPoint(acc.get(baseVersion)!)), canary: side(canaryVersion, toPoint(acc.get(canaryVersion)!)) };
}

export const guardSide = (s: Side): CanarySide => ({ calls: s.calls, errors: s.totals.errors, thumbsUp: s.thumbsUp, thumbsDown: s.thumbsDown, latencyP95: s.latencyP95 });

/** The canary page: both sides and, for each rate, the difference with its two-proportion p-value. */
export async function compareCanary(options: { projectId: string; promptId: string; canaryId: string }) {
  const { projectId, promptId, canaryId } = options;
  const canary = await db.promptCanary.findFirst({ where: { projectId, id: canaryId, promptId } });
  if (!canary) throw new AppError("NOT_FOUND", `Canary ${canaryId} not found`);
  const prompt = await db.prompt.findUniqueOrThrow({ where: { projectId_id: { projectId, id: promptId } }, select: { name: true } });
  const { main, canary: c } = await readCanarySides({ projectId, promptName: prompt.name, baseVersion: canary.baseVersion, canaryVersion: canary.canaryVersion, from: canary.startedAt, to: canary.endedAt });
  const errorRate = twoProportionTest(c.totals.errors, c.calls, main.totals.errors, main.calls);
  const thumbsUpRate = twoProportionTest(c.thumbsUp, c.thumbsUp + c.thumbsDown, main.thumbsUp, main.thumbsUp + main.thumbsDown);
  return {
    canary: serializeCanary(canary),
    promptName: prompt.name,
    main, canaryVersion: c,
    differences: {
      errorRate: errorRate && { difference: errorRate.difference, pValue: errorRate.pValue },
      thumbsUpRate: thumbsUpRate && { difference: thumbsUpRate.difference, pValue: thumbsUpRate.pValue },
      latencyP95Ms: c.latencyP95 !== null && main.latencyP95 !== null ? c.latencyP95 - main.latencyP95 : null,
      costPerCall: c.costPerCall !== null && main.costPerCall !== null ? c.costPerCall - main.costPerCall : null,
    },
  };
}
