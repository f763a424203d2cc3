import { z } from "zod";

/** GET /api/public/prompts/{name}: the catch-all segments joined back into the name ("support/answer"). */
export const promptFetchParams = z.object({
  name: z.array(z.string().min(1)).min(1).transform((parts) => parts.join("/")).pipe(z.string().max(500)),
});

export const promptFetchQuery = z
  .object({
    label: z.string().min(1).max(100).optional(),
    version: z.coerce.number().int().positive().max(2_147_483_647, "must be at most 2147483647").optional(),
    stickyKey: z.string().max(500).optional(),
  })
  .refine((q) => q.label === undefined || q.version === undefined, { message: "pass either label or version, not both", path: ["version"] });
