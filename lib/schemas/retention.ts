import { z } from "zod";

/** The longest retention one can set (100 years); longer is "keep forever" (null). */
export const MAX_RETENTION_DAYS = 36_500;

/**
 * PUT …/settings/retention and PUT /api/public/retention: keep traces `days` days, or `null` to
 * keep them forever (the default).
 */
export const updateRetentionBody = z
  .object({
    days: z.number().int("must be a whole number of days").min(1, "must be at least 1 day").max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS} days (use null to keep forever)`).nullable(),
  })
  .strict();

export type RetentionSettings = {
  /** null: kept forever. */
  days: number | null;
  /** The next pass deletes what started before this instant (null when kept forever). */
  deletesBefore: string | null;
  /** Start of the oldest trace still stored. */
  oldestTraceAt: string | null;
};
