import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type DatasetRow, datasetKeys, datasetsPath } from "./keys";

export function useDatasetQuery(projectId: string, datasetId: string) {
  return useQuery({ queryKey: datasetKeys.detail(projectId, datasetId), queryFn: () => apiFetch<DatasetRow>(`${datasetsPath(projectId)}/${datasetId}`) });
}
