import { useQuery } from "@tanstack/react-query";
import type { CounterfactualReport } from "@/lib/runs/counterfactual-report";
import { apiFetch } from "../query-client";
import { runKeys, runsPath } from "./keys";

/** The run's counterfactual report; fetched once the run has finished (`enabled`). */
export function useCounterfactualReportQuery(projectId: string, runId: string, enabled: boolean) {
  return useQuery({ queryKey: runKeys.counterfactual(projectId, runId), queryFn: () => apiFetch<CounterfactualReport>(`${runsPath(projectId)}/${runId}/counterfactual`), enabled });
}
