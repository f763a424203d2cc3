import { z } from "zod";

const csv = z.string().transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean));

export const listTracesQuery = z.object({
  from: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  to: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
  userId: z.string().max(256).optional(),
  sessionId: z.string().max(256).optional(),
  name: z.string().max(512).optional(),
  environment: z.string().max(64).optional(),
  tags: csv.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListTracesQuery = z.infer<typeof listTracesQuery>;
