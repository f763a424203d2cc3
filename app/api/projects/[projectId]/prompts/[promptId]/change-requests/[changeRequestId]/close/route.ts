import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { closeChangeRequest } from "@/lib/prompts/close-change-request";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/change-requests/[changeRequestId]/close – close without moving anything
export const POST = withProject(
  { action: "prompts:review", params: routeParams("promptId", "changeRequestId"), body: z.object({ reason: z.string().trim().max(2000).optional() }).strict() },
  async ({ project, user, role, params, body }) => json(await closeChangeRequest({ project, userId: user.id, role, promptId: params.promptId, changeRequestId: params.changeRequestId, reason: body.reason })),
);
