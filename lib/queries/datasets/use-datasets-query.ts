import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DatasetRow, datasetKeys, datasetsPath } from "./keys";

export function useDatasetsQuery(projectId: string) {
  return useQuery({ queryKey: datasetKeys.list(projectId), queryFn: () => apiFetch<{ datasets: DatasetRow[] }>(datasetsPath(projectId)).then((r) => r.datasets) });
}
