import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { diffPromptVersions } from "@/lib/prompts/diff-prompt-versions";
import { diffQuery } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// GET /api/projects/[projectId]/prompts/[promptId]/diff?from=1&to=2 – both versions in full for the side-by-side diff
export const GET = withProject({ action: "prompts:read", params: routeParams("promptId"), query: diffQuery }, async ({ project, params, query }) =>
  json(await diffPromptVersions({ project, promptId: params.promptId, from: query.from, to: query.to })),
);
