import { z } from "zod";
import { nameSchema } from "./common";

const csv = z.string().transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean));
const datetime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const nonNegative = z.coerce.number().finite().nonnegative();

export const TRACE_SORTS = ["startTime", "latency", "cost", "tokens"] as const;
export type TraceSort = (typeof TRACE_SORTS)[number];
export const TRACE_FLAGS = ["pii", "injection", "uncertainty", "guardrail_blocked", "guardrail_masked"] as const;
export const FEEDBACK_FILTERS = ["up", "down", "any", "none"] as const;

/** A range's lower bound must not exceed its upper bound; the message names the field. */
function range(min: string, max: string) {
  return (q: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const lo = q[min];
    const hi = q[max];
    if (typeof lo === "number" && typeof hi === "number" && lo > hi) ctx.addIssue({ code: "custom", path: [min], message: `must not be greater than ${max} (${hi})` });
  };
}

/**
 * The trace list's filters, sort and cursor — shared by the explorer (`/api/projects/…/traces`)
 * and the public API (`/api/public/traces`). Every value arrives as a query-string string.
 */
export const listTracesQuery = z
  .object({
    from: datetime.optional(),
    to: datetime.optional(),
    status: z.enum(["ok", "error"]).optional(),
    model: z.string().max(256).optional(),
    environment: z.string().max(64).optional(),
    promptName: z.string().max(256).optional(),
    promptVersion: z.coerce.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
    release: z.string().max(256).optional(),
    userId: z.string().max(256).optional(),
    sessionId: z.string().max(256).optional(),
    name: z.string().max(512).optional(),
    tags: csv.optional(),
    feedback: z.enum(FEEDBACK_FILTERS).optional(),
    scoreName: z.string().max(256).optional(),
    scoreMin: z.coerce.number().finite().optional(),
    scoreMax: z.coerce.number().finite().optional(),
    latencyMin: nonNegative.optional(),
    latencyMax: nonNegative.optional(),
    costMin: nonNegative.optional(),
    costMax: nonNegative.optional(),
    flags: csv.pipe(z.array(z.enum(TRACE_FLAGS))).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(TRACE_SORTS).default("startTime"),
    order: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .superRefine(range("scoreMin", "scoreMax"))
  .superRefine(range("latencyMin", "latencyMax"))
  .superRefine(range("costMin", "costMax"))
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from >= q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
    if ((q.scoreMin !== undefined || q.scoreMax !== undefined) && !q.scoreName) {
      ctx.addIssue({ code: "custom", path: ["scoreName"], message: "required with scoreMin/scoreMax" });
    }
  });
export type ListTracesQuery = z.infer<typeof listTracesQuery>;

/** Filter options offered by the explorer: values seen in a bounded recent window. */
export const traceFilterOptionsQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });

export const createSavedViewBody = z.object({
  name: nameSchema,
  /** The explorer's query string, without "?" (cursor and other paging state are dropped). */
  query: z.string().max(4000).transform((s) => s.replace(/^\?/, "")),
});
