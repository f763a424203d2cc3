import { z } from "zod";
import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { getPrompt } from "@/lib/prompts/get-prompt";
import { promptNameSchema } from "@/lib/schemas/prompts";

// GET /api/projects/[projectId]/prompts/lookup?name=support/answer – a prompt's page data by name (names hold "/", so not a path segment)
export const GET = withProject({ action: "prompts:read", query: z.object({ name: promptNameSchema }) }, async ({ project, query }) => json(await getPrompt({ projectId: project.id, name: query.name })));
