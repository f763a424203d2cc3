import { withProject } from "@/lib/auth/with-project";
import { json } from "@/lib/http";
import { compilePromptVersion } from "@/lib/prompts/compile-prompt-version";
import { compileBody } from "@/lib/schemas/prompts";
import { routeParams } from "@/lib/schemas/route-params";

// POST /api/projects/[projectId]/prompts/[promptId]/compile – "try it": a version with its variables filled in (unknown/missing variable → 400 naming it)
export const POST = withProject({ action: "prompts:read", params: routeParams("promptId"), body: compileBody }, async ({ project, params, body }) =>
  json(await compilePromptVersion({ project, promptId: params.promptId, version: body.version, variables: body.variables })),
);
