import type { OnlineEvalRuleView } from "@/lib/schemas/online-evals";

/** A rule as the API sends it (dates as ISO strings). */
export type OnlineEvalRuleRow = Omit<OnlineEvalRuleView, "createdAt" | "updatedAt" | "stats"> & {
  createdAt: string; updatedAt: string;
  stats: Omit<OnlineEvalRuleView["stats"], "lastErrorAt" | "lastRunAt"> & { lastErrorAt: string | null; lastRunAt: string | null };
};

export const onlineEvalKeys = {
  all: (projectId: string) => ["projects", projectId, "online-evaluations"] as const,
  list: (projectId: string) => [...onlineEvalKeys.all(projectId), "list"] as const,
};

export const onlineEvalsPath = (projectId: string) => `/api/projects/${projectId}/online-evaluations`;
