import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type CounterfactualTermsResponse, counterfactualKeys, counterfactualTermsPath } from "./keys";

/** The project's counterfactual term pairs (the shipped defaults when never saved). */
export function useCounterfactualTermsQuery(projectId: string) {
  return useQuery({ queryKey: counterfactualKeys.terms(projectId), queryFn: () => apiFetch<CounterfactualTermsResponse>(counterfactualTermsPath(projectId)) });
}
