import { z } from "zod";
import { piiSettingsSchema } from "../pii/settings";
import { priceOverrideSchema } from "../pricing/price-overrides";

const origin = z
  .string()
  .trim()
  .refine((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o), "must be an origin like https://app.example.com (no path) or *");

export const updateIngestSettingsBody = z.object({
  pii: piiSettingsSchema.optional(),
  feedbackOrigins: z.array(origin).max(50).optional(),
  priceOverrides: z.array(priceOverrideSchema).max(100).optional(),
});
