import type { ScoreView } from "../traces/trace-detail";

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

/** Query string of the set params only, so the server applies its defaults to the rest. */
export const sessionSearch = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  return s.toString();
};
