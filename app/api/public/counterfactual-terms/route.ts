import { withApiKey } from "@/lib/auth/with-api-key";
import { getCounterfactualTerms } from "@/lib/counterfactual/get-counterfactual-terms";
import { updateCounterfactualTerms } from "@/lib/counterfactual/update-counterfactual-terms";
import { updateCounterfactualTermsBody } from "@/lib/counterfactual/terms";
import { json } from "@/lib/http";
import { getKeyProject } from "@/lib/projects/get-key-project";

// GET /api/public/counterfactual-terms – the key's project's term pairs for counterfactual runs (the defaults when never saved)
export const GET = withApiKey({ scope: "secret" }, async ({ key }) => json(await getCounterfactualTerms({ projectId: key.projectId })));

// PUT /api/public/counterfactual-terms – replace the list ({ pairs }), or { pairs: null } for the defaults; audited, applies to runs started from now on
export const PUT = withApiKey({ scope: "secret", body: updateCounterfactualTermsBody }, async ({ key, body }) => {
  const project = await getKeyProject({ projectId: key.projectId });
  return json(await updateCounterfactualTerms({ project, actor: { apiKeyId: key.apiKeyId }, terms: body.pairs === null ? null : { pairs: body.pairs } }));
});
