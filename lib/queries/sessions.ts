import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { ScoreView } from "./trace-detail";
import { apiFetch } from "./query-client";

export type SessionSummary = {
  sessionId: string; traceCount: number; firstActivity: string; lastActivity: string; lastEnd: string; userId: string | null;
  userCount: number; totalCost: number; errorTraces: number; usage: { inputTokens: number; outputTokens: number };
};
export type SessionTrace = {
  id: string; name: string | null; startTime: string; endTime: string; latencyMs: number; input: unknown; output: unknown;
  userId: string | null; environment: string | null; release: string | null; tags: string[]; models: string[];
  status: "ok" | "error"; errorCount: number; errorMessage: string | null; spanCount: number; totalCost: number;
  usage: { inputTokens: number; outputTokens: number }; scores: ScoreView[];
};
export type SessionDetail = {
  sessionId: string; traceCount: number; firstActivity: string; lastEnd: string; totalCost: number; errorTraces: number;
  userIds: string[]; traces: SessionTrace[]; nextCursor: string | null;
};
export type SessionFilters = { userId?: string; from?: string; to?: string };

export const sessionKeys = {
  all: (projectId: string) => ["projects", projectId, "sessions"] as const,
  list: (projectId: string, filters: SessionFilters) => [...sessionKeys.all(projectId), "list", filters] as const,
  detail: (projectId: string, sessionId: string) => [...sessionKeys.all(projectId), "detail", sessionId] as const,
};

const qs = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  return s.toString();
};

export function useSessionsQuery(projectId: string, filters: SessionFilters) {
  return useInfiniteQuery({
    queryKey: sessionKeys.list(projectId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiFetch<{ data: SessionSummary[]; nextCursor: string | null }>(`/api/projects/${projectId}/sessions?${qs({ ...filters, limit: "50", cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useSessionQuery(projectId: string, sessionId: string) {
  return useInfiniteQuery({
    queryKey: sessionKeys.detail(projectId, sessionId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => apiFetch<SessionDetail>(`/api/projects/${projectId}/sessions/${encodeURIComponent(sessionId)}?${qs({ cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
