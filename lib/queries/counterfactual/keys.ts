import type { TermPair } from "@/lib/counterfactual/terms";

export type CounterfactualTermsResponse = { pairs: TermPair[]; isDefault: boolean };

export const counterfactualKeys = {
  terms: (projectId: string) => ["projects", projectId, "counterfactual-terms"] as const,
};

export const counterfactualTermsPath = (projectId: string) => `/api/projects/${projectId}/settings/counterfactual-terms`;
