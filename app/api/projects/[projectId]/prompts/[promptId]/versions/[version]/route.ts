import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getPromptVersion } from "@/lib/prompts/get-prompt-version";

const params = z.object({ promptId: z.string().min(1), version: z.coerce.number().int().positive() });

// GET /api/projects/[projectId]/prompts/[promptId]/versions/[version] – one immutable version in full
export const GET = withProject({ action: "prompts:read", params }, async ({ project, params }) => json(await getPromptVersion({ project, promptId: params.promptId, version: params.version })));
