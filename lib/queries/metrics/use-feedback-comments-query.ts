import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../query-client";
import { type FeedbackComment, metricKeys, metricsSearch, type RangeRequest } from "./keys";

export function useFeedbackCommentsQuery(projectId: string, query: RangeRequest) {
  return useQuery({
    queryKey: metricKeys.feedback(projectId, query),
    queryFn: ({ signal }): Promise<FeedbackComment[]> =>
      apiFetch<{ comments: FeedbackComment[] }>(`/api/projects/${projectId}/metrics/feedback?${metricsSearch(query)}`, { signal }).then((r) => r.comments),
    placeholderData: keepPreviousData,
  });
}
