import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TermPair } from "@/lib/counterfactual/terms";
import { apiFetch } from "../query-client";
import { type CounterfactualTermsResponse, counterfactualKeys, counterfactualTermsPath } from "./keys";

/** Saves the whole list, or `null` to go back to the defaults. */
export function useUpdateCounterfactualTerms(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pairs: TermPair[] | null) => apiFetch<CounterfactualTermsResponse>(counterfactualTermsPath(projectId), { method: "PUT", json: { pairs } }),
    onSuccess: (data) => client.setQueryData(counterfactualKeys.terms(projectId), data),
  });
}
