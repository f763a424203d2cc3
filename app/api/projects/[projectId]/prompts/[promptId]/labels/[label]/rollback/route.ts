import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { rollbackLabel } from "@/lib/prompts/rollback-label";
import { labelSchema, rollbackBody } from "@/lib/schemas/prompts";

const params = z.object({ promptId: z.string().min(1), label: labelSchema });

// POST /api/projects/[projectId]/prompts/[promptId]/labels/[label]/rollback – emergency: back to a version that held the label, with a reason (owners/admins)
export const POST = withProject({ action: "prompts:rollback", params, body: rollbackBody }, async ({ project, user, params, body }) =>
  json(await rollbackLabel({ project, actor: { userId: user.id }, promptId: params.promptId, label: params.label, version: body.version, reason: body.reason })),
);
