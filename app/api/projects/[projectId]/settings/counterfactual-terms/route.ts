import { withProject } from "@/lib/auth/with-project";
import { getCounterfactualTerms } from "@/lib/counterfactual/get-counterfactual-terms";
import { updateCounterfactualTerms } from "@/lib/counterfactual/update-counterfactual-terms";
import { updateCounterfactualTermsBody } from "@/lib/counterfactual/terms";
import { json } from "@/lib/http";

// GET /api/projects/[projectId]/settings/counterfactual-terms – the term pairs counterfactual runs swap (defaults when never saved)
export const GET = withProject({ action: "settings:read" }, async ({ project }) => json(await getCounterfactualTerms({ projectId: project.id })));

// PUT /api/projects/[projectId]/settings/counterfactual-terms – replace the list, or { pairs: null } for the defaults (audited)
export const PUT = withProject({ action: "suites:configure", body: updateCounterfactualTermsBody }, async ({ project, user, body }) =>
  json(await updateCounterfactualTerms({ project, actor: { userId: user.id }, terms: body.pairs === null ? null : { pairs: body.pairs } })),
);
