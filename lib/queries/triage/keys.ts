import type { TriageRules } from "@/lib/triage/rules";
import type { TriageStatus } from "@/lib/triage/status";

export type UserRef = { id: string; name: string | null; email: string };
export type TriageTraceSummary = {
  id: string; name: string | null; inputPreview: string | null; outputPreview: string | null; startTime: string; latencyMs: number;
  totalCost: number; models: string[]; userId: string | null; environment: string | null; status: "ok" | "error";
};
export type TriageItemRow = {
  id: string; traceId: string; reasons: string[]; status: TriageStatus; assignee: UserRef | null;
  createdAt: string; updatedAt: string; resolvedAt: string | null; trace: TriageTraceSummary | null;
};
export type TriageComment = { id: string; body: string; createdAt: string; author: UserRef | null };
/** The trace's first failing span (see getTriageItem); null when no span erred or the trace is gone. */
export type TriageFirstError = { spanId: string; name: string; message: string | null };
/** The trace's lowest faithfulness score with its evidence (lib/triage/get-triage-item.ts). */
export type TriageFaithfulness = {
  scoreId: string; name: string; value: number; spanId: string | null; statementCount: number;
  unsupported: { sentence: number; text: string; reason: string; bestPassage: number | null }[];
  passages: { position: number; id: string | null; content: string }[];
};
export type TriageItemDetail = TriageItemRow & { comments: TriageComment[]; firstError: TriageFirstError | null; faithfulness?: TriageFaithfulness | null };
export type TriageListPage = { items: TriageItemRow[]; nextCursor: string | null; counts: { byStatus: Record<string, number>; byReason: Record<string, number> } };
/** status undefined = every status; assignee "me" | "none" | a user id. */
export type TriageFilters = { status?: TriageStatus; reason?: string; assignee?: string };
export type TriageRulesResponse = { rules: TriageRules; isDefault: boolean };
export type TriageChange = { status?: TriageStatus; assigneeId?: string | null };

export const triageKeys = {
  all: (projectId: string) => ["projects", projectId, "triage"] as const,
  lists: (projectId: string) => [...triageKeys.all(projectId), "list"] as const,
  list: (projectId: string, filters: TriageFilters) => [...triageKeys.lists(projectId), filters] as const,
  item: (projectId: string, itemId: string) => [...triageKeys.all(projectId), "item", itemId] as const,
  rules: (projectId: string) => ["projects", projectId, "settings", "triage"] as const,
};
