import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type Canary, promptKeys, promptPath } from "./keys";

/** A prompt's canaries, active first. */
export function useCanariesQuery(projectId: string, promptId: string) {
  return useQuery({ queryKey: promptKeys.canaries(projectId, promptId), queryFn: () => apiFetch<{ canaries: Canary[] }>(`${promptPath(projectId, promptId)}/canaries`).then((r) => r.canaries) });
}
