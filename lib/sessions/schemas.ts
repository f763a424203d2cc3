import { z } from "zod";

const time = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

/** GET /api/projects/[projectId]/sessions */
export const listSessionsQuery = z.object({
  userId: z.string().max(256).optional(),
  from: time.optional(),
  to: time.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(600).optional(),
});
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

/** GET /api/projects/[projectId]/sessions/[sessionId] */
export const sessionTracesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(600).optional(),
});
export type SessionTracesQuery = z.infer<typeof sessionTracesQuery>;
