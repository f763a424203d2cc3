// Response shapes of /api/projects/[projectId]/prompts/** (lib/prompts/* serialize them) and the key factory.
export type Role = "owner" | "admin" | "engineer" | "pm" | "annotator" | "viewer";
export type ChatItem = { role: string; content: string } | { type: "placeholder"; name: string };
export type PromptTemplate = string | ChatItem[];
export type PromptRow = { id: string; name: string; type: "text" | "chat"; description: string | null; tags: string[]; createdById: string | null; createdAt: string; updatedAt: string };
export type PromptListRow = PromptRow & { latestVersion: number; labels: { label: string; version: number; canary: boolean }[]; openChangeRequests: number; lastChangeAt: string };
export type PromptVersion = {
  version: number; template: PromptTemplate; config: Record<string, unknown>; variables: string[]; commitMessage: string | null;
  authorId: string | null; authorApiKey: string | null; contentHash: string; createdAt: string;
};
export type PromptLabelRow = {
  label: string; version: number; revision: number | null; virtual: boolean; updatedAt: string | null;
  canary: { id: string; version: number; percent: number; startedAt: string } | null;
};
export type PromptDetail = { prompt: PromptRow; latestVersion: number; versions: PromptVersion[]; labels: PromptLabelRow[]; openChangeRequests: number };
export type SaveVersionInput = { name: string; type: "text" | "chat"; template: PromptTemplate; config?: Record<string, unknown>; commitMessage?: string; description?: string; tags?: string[] };
export type SaveVersionResult = { prompt: PromptRow; version: PromptVersion; created: boolean };
/** A policy's run gate (lib/schemas/prompts.ts runGateSchema): the golden set and connection by id or name, evaluators as a run takes them. */
export type RunGate = {
  dataset?: string; datasetId?: string; connection?: string; connectionId?: string; model?: string;
  evaluators: Array<{ type: string; [param: string]: unknown }>; minPassRate: number; maxDropPoints?: number;
  /** Requirements on evaluator means, e.g. faithfulness ≥ 0.9 with no drop > 0.03 (lib/runs/score-gates.ts). */
  scoreGates?: Array<{ evaluator: string; min?: number; maxDrop?: number }>;
};
export type ScoreGateCheck = { evaluator: string; min: number | null; maxDrop: number | null; mean: number | null; baselineMean: number | null; drop: number | null; met: boolean; problems: string[] };
export type Policy = {
  label: string; source: "prompt" | "project" | "default"; requiredApprovals: number; approverRoles: Role[]; approverUserIds: string[];
  allowSelfApproval: boolean; autoMerge: boolean; requirePassingRun: boolean; runGate: RunGate | null;
};
/** runGate omitted keeps the stored gate; null removes it. */
export type PolicyInput = Omit<Policy, "source" | "runGate"> & { runGate?: RunGate | null };
/** The regression gate of a change request (lib/prompts/gate-status.ts). */
export type GateStatus = {
  required: boolean; state: "off" | "pending" | "passed" | "failed" | "overridden"; runId: string | null; baselineRunId: string | null;
  passRate: number | null; baselinePassRate: number | null; dropPoints: number | null; minPassRate: number | null; maxDropPoints: number | null;
  override: { byId: string | null; reason: string; at: string } | null; scores?: ScoreGateCheck[]; blockers: string[];
};
export type ApprovalStatus = { required: number; approvedBy: string[]; changesRequestedBy: string[]; satisfied: boolean; blockers: string[] };
export type ChangeRequest = {
  id: string; promptId: string; label: string; version: number; baseVersion: number | null; baseRevision: number; status: "open" | "merged" | "closed"; round: number;
  description: string | null; authorId: string | null; authorApiKey: string | null; mergedById: string | null; mergedAt: string | null; closedAt: string | null; createdAt: string;
  stale?: boolean; labelVersion?: number | null; policy?: Policy; approvals?: ApprovalStatus; gate?: GateStatus; mergeable?: boolean;
};
export type Review = { id: string; reviewerId: string; verdict: "approve" | "request_changes" | "comment"; body: string | null; round: number; createdAt: string };
export type ChangeRequestDetail = { prompt: { id: string; name: string; type: string }; changeRequest: ChangeRequest; proposed: PromptVersion | null; base: PromptVersion | null; reviews: Review[] };
export type LabelMove = { id: string; fromVersion: number | null; toVersion: number; kind: "merge" | "rollback" | "canary_promote" | "initial"; reason: string | null; changeRequestId: string | null; actorUserId: string | null; actorApiKey: string | null; emergency: boolean; createdAt: string };
export type LabelHistory = { label: string; version: number; revision: number; canaryId: string | null; rollbackTargets: number[]; moves: LabelMove[] };
export type CanaryGuard = { minCalls?: number; errorRatePValue?: number; thumbsDownPoints?: number; minVotes?: number; latencyP95Ratio?: number };
export type Canary = {
  id: string; promptId: string; label: string; baseVersion: number; canaryVersion: number; percent: number; guard: CanaryGuard | null;
  status: "active" | "promoted" | "ended" | "guard_ended"; endedReason: string | null; startedById: string | null; startedAt: string; endedAt: string | null; lastCheckedAt: string | null;
};
export type CanarySide = { version: number; calls: number; errorRate: number | null; latencyP50: number | null; latencyP95: number | null; costPerCall: number | null; thumbsUp: number; thumbsDown: number; thumbsUpRate: number | null };
export type RateDifference = { difference: number; pValue: number } | null;
export type CanaryComparison = {
  canary: Canary; promptName: string; main: CanarySide; canaryVersion: CanarySide;
  differences: { errorRate: RateDifference; thumbsUpRate: RateDifference; latencyP95Ms: number | null; costPerCall: number | null };
};
export type PromptVersionMetrics = { version: number; calls: number; errorRate: number | null; latencyP95: number | null; cost: number; costPerCall: number | null; thumbsUpRate: number | null; explorerUrl: string };
export type PromptMetrics = { from: string; to: string; promptName: string; versions: PromptVersionMetrics[] };
export type AuditEntry = { id: string; action: string; resourceType: string; resourceId: string; actorUserId: string | null; actorApiKey: string | null; before: unknown; after: unknown; createdAt: string };
export type AuditPage = { entries: AuditEntry[]; users: Record<string, { name: string | null; email: string }>; nextCursor: string | null };
export type AuditFilters = { action?: string; resourceType?: string; resourceId?: string; actorUserId?: string; from?: string; to?: string };
export type ReleaseWebhook = { url: string | null; recentEvents: { id: string; kind: string; deliveryStatus: string; deliveryAttempts: number; lastError: string | null; deliveredAt: string | null; createdAt: string }[] };

export const promptKeys = {
  all: (projectId: string) => ["projects", projectId, "prompts"] as const,
  list: (projectId: string, q?: string) => [...promptKeys.all(projectId), "list", q ?? ""] as const,
  detail: (projectId: string, promptId: string) => [...promptKeys.all(projectId), "detail", promptId] as const,
  byName: (projectId: string, name: string) => [...promptKeys.all(projectId), "by-name", name] as const,
  version: (projectId: string, promptId: string, version: number) => [...promptKeys.all(projectId), "version", promptId, version] as const,
  diff: (projectId: string, promptId: string, from: number, to: number) => [...promptKeys.all(projectId), "diff", promptId, from, to] as const,
  metrics: (projectId: string, promptId: string, range: { from?: string; to?: string }) => [...promptKeys.all(projectId), "metrics", promptId, range.from ?? "", range.to ?? ""] as const,
  changeRequests: (projectId: string, promptId: string, status: string) => [...promptKeys.all(projectId), "change-requests", promptId, status] as const,
  changeRequest: (projectId: string, promptId: string, id: string) => [...promptKeys.all(projectId), "change-request", promptId, id] as const,
  labelHistory: (projectId: string, promptId: string, label: string) => [...promptKeys.all(projectId), "label", promptId, label] as const,
  policies: (projectId: string, promptId: string) => [...promptKeys.all(projectId), "policies", promptId || "project"] as const,
  canaries: (projectId: string, promptId: string) => [...promptKeys.all(projectId), "canaries", promptId] as const,
  canary: (projectId: string, promptId: string, canaryId: string) => [...promptKeys.all(projectId), "canary", promptId, canaryId] as const,
  releaseWebhook: (projectId: string) => [...promptKeys.all(projectId), "release-webhook"] as const,
};

export const auditKeys = {
  all: (projectId: string) => ["projects", projectId, "audit"] as const,
  list: (projectId: string, filters: AuditFilters) => [...auditKeys.all(projectId), "list", filters] as const,
};

/** Every prompt endpoint hangs off this path. */
export const promptsPath = (projectId: string) => `/api/projects/${projectId}/prompts`;
export const promptPath = (projectId: string, promptId: string) => `${promptsPath(projectId)}/${promptId}`;
