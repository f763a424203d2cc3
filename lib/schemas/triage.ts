import { z } from "zod";
import { ALL_REASONS, triageRulesSchema } from "../triage/rules";
import { TRIAGE_STATUSES } from "../triage/status";

export const triageStatusSchema = z.enum(TRIAGE_STATUSES);
export const triageReasonSchema = z.enum(ALL_REASONS);

export const listTriageQuery = z.object({
  status: triageStatusSchema.optional(),
  reason: triageReasonSchema.optional(),
  /** A user id, "me" (the caller) or "none" (unassigned). */
  assignee: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListTriageQuery = z.infer<typeof listTriageQuery>;

export const updateTriageItemBody = z
  .object({
    status: triageStatusSchema.optional(),
    /** A member's user id, or null to unassign. */
    assigneeId: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, "give status and/or assigneeId");
export type UpdateTriageItemBody = z.infer<typeof updateTriageItemBody>;

export const bulkUpdateTriageBody = z
  .object({
    itemIds: z.array(z.string().min(1).max(100)).min(1, "must list at least one item").max(500, "at most 500 items at once"),
    status: triageStatusSchema.optional(),
    assigneeId: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, "give status and/or assigneeId");
export type BulkUpdateTriageBody = z.infer<typeof bulkUpdateTriageBody>;

export const addTriageCommentBody = z.object({
  body: z.string().trim().min(1, "must not be empty").max(10_000, "must be at most 10,000 characters"),
});

export const sendToInboxBody = z.object({ traceId: z.string().min(1).max(256) });

export const updateTriageRulesBody = triageRulesSchema;
