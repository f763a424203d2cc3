import { z } from "zod";
import { nameSchema } from "./common";

/** drift: the scale-free effect of a flagged latest closed drift window, 0 when none is flagged (lib/drift/latest-distance.ts). */
export const ALERT_MEASURES = ["latency_p95", "error_rate", "cost_per_hour", "thumbs_down_rate", "drift"] as const;
export type AlertMeasure = (typeof ALERT_MEASURES)[number];

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/.test(u), "must be an http(s) URL");

export const alertFiltersSchema = z
  .object({
    environment: z.string().max(64).optional(),
    model: z.string().max(256).optional(),
    promptName: z.string().max(256).optional(),
    promptVersion: z.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
  })
  .strict();

export const createAlertRuleBody = z.object({
  name: nameSchema,
  measure: z.enum(ALERT_MEASURES),
  comparator: z.enum(["gt", "lt"]).default("gt"),
  threshold: z.number().finite().nonnegative(),
  windowMinutes: z.number().int().min(1).max(1440).default(5),
  cooldownMinutes: z.number().int().min(0).max(10_080).default(30),
  filters: alertFiltersSchema.optional(),
  webhookUrl,
});

export const updateAlertRuleBody = createAlertRuleBody.partial().extend({
  /** Mute until this time; null unmutes. */
  mutedUntil: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).nullable().optional(),
});
