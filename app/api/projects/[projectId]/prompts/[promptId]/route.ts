import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getPrompt } from "@/lib/prompts/get-prompt";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/prompts/[promptId] – the prompt, its versions, labels (with canaries) and open change requests count
export const GET = withProject({ action: "prompts:read", params: routeParams("promptId") }, async ({ project, params }) => json(await getPrompt({ projectId: project.id, promptId: params.promptId })));
