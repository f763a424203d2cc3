import { z } from "zod";

/**
 * GET /api/projects/[projectId]/metrics and GET /api/public/metrics.
 * Answers from the per-minute rollups for the rollup dimensions (model, environment,
 * prompt name/version); filters on other fields (provider, release, user, tags) are answered
 * from the spans themselves, exactly but more slowly.
 */
export const BUCKETS = ["1m", "5m", "15m", "1h", "6h", "1d"] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_MS: Record<Bucket, number> = { "1m": 60_000, "5m": 300_000, "15m": 900_000, "1h": 3_600_000, "6h": 21_600_000, "1d": 86_400_000 };
export const GROUP_BY = ["model", "environment", "promptVersion"] as const;

const csv = z.string().transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean));
const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const metricsQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    bucket: z.enum(BUCKETS).optional(),
    groupBy: z.enum(GROUP_BY).optional(),
    environment: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    provider: z.string().max(128).optional(),
    promptName: z.string().max(256).optional(),
    promptVersion: z.coerce.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
    release: z.string().max(128).optional(),
    userId: z.string().max(256).optional(),
    tags: csv.optional(),
  })
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.to.getTime() > q.from.getTime(), { message: "must be after from", path: ["to"] })
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, { message: "range must be at most 400 days", path: ["to"] });
export type MetricsQuery = z.infer<typeof metricsQuery>;

/** One bucket (or a total) of LLM-call metrics. Rates are 0..1; null when undefined (no data). */
export type MetricPoint = {
  count: number;
  errors: number;
  errorRate: number | null;
  latencyP50: number | null;
  latencyP95: number | null;
  latencyP99: number | null;
  ttftP50: number | null;
  ttftP95: number | null;
  cost: number;
  inputTokens: number;
  outputTokens: number;
  thumbsUp: number;
  thumbsDown: number;
  thumbsUpRate: number | null;
  flaggedPii: number;
  flaggedInjection: number;
  flaggedUncertainty: number;
};

export type MetricsResponse = {
  from: string;
  to: string;
  bucket: Bucket;
  source: "rollups" | "spans";
  series: (MetricPoint & { time: string })[];
  totals: MetricPoint;
  groups?: { key: string; totals: MetricPoint }[];
};

/** Bucket size chosen from the range: about 30–200 points per chart. */
export function autoBucket(from: Date, to: Date): Bucket {
  const ms = to.getTime() - from.getTime();
  if (ms <= 3 * 3_600_000) return "1m";
  if (ms <= 12 * 3_600_000) return "5m";
  if (ms <= 2 * 86_400_000) return "15m";
  if (ms <= 8 * 86_400_000) return "1h";
  if (ms <= 45 * 86_400_000) return "6h";
  return "1d";
}

export const rangeQuery = z.object({ from: isoDate, to: isoDate }).refine((q) => q.from < q.to, { message: "must be before to", path: ["from"] });

export const rangeListQuery = z.object({ from: isoDate, to: isoDate, limit: z.coerce.number().int().min(1).max(50).default(10) });

/** GET /api/projects/[projectId]/metrics/guardrails: the overview's guardrail card. */
export const guardrailStatsQuery = z
  .object({ from: isoDate, to: isoDate, bucket: z.enum(BUCKETS).default("1h") })
  // zod runs these even when from or to failed to parse (then they are the raw strings).
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.from < q.to, { message: "must be before to", path: ["from"] })
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.to.getTime() - q.from.getTime() <= 400 * 86_400_000, { message: "range must be at most 400 days", path: ["to"] });
