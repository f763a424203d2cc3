import { z } from "zod";
import { emailSchema } from "./auth";
import { roleSchema } from "./common";

export const updateMemberBody = z
  .object({ role: roleSchema.optional(), projectRole: roleSchema.nullable().optional() })
  .refine((b) => b.role !== undefined || b.projectRole !== undefined, { message: "set role or projectRole" });

export const createInviteBody = z.object({ role: roleSchema, email: emailSchema.optional() });
