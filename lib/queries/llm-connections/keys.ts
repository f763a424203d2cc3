import type { LlmConnectionTestResult, LlmConnectionView } from "@/lib/schemas/llm-connections";

export const llmConnectionKeys = {
  all: (projectId: string) => ["projects", projectId, "llm-connections"] as const,
  list: (projectId: string) => [...llmConnectionKeys.all(projectId), "list"] as const,
};

/** As the API sends it (dates as ISO strings); never a key or a header value. */
export type LlmConnectionRow = Omit<LlmConnectionView, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };
export type { LlmConnectionTestResult };
