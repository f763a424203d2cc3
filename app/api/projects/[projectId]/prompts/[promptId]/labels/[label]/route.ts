import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { listLabelHistory } from "@/lib/prompts/list-label-history";

const params = z.object({ promptId: z.string().min(1), label: z.string().min(1).max(64) });

// GET /api/projects/[projectId]/prompts/[promptId]/labels/[label] – the label's moves and the versions it may roll back to
export const GET = withProject({ action: "prompts:read", params }, async ({ project, params }) => json(await listLabelHistory({ projectId: project.id, promptId: params.promptId, label: params.label })));
