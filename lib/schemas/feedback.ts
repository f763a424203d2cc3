import { z } from "zod";

export const feedbackBody = z.object({
  /** Client id makes a retried submission idempotent; generated when absent. */
  id: z.string().trim().min(1).max(128).optional(),
  traceId: z.string().trim().min(1).max(128),
  spanId: z.string().trim().min(1).max(128).optional(),
  value: z.union([z.enum(["up", "down"]), z.boolean(), z.literal(1), z.literal(0)]),
  comment: z.string().max(4000).optional(),
});
